using Baken.Cli;

return await BakenCli.RunAsync(args, Console.Out, Console.Error);
