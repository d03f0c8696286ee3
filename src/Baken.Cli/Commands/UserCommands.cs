using System.CommandLine;
using Baken.Application.Users;
using Baken.Domain.Users;
using Spectre.Console;

namespace Baken.Cli.Commands;

/// <summary>baken user add|list|token: accounts with clearance and compartments.</summary>
public static class UserCommands
{
    public static Command Create(CommandIo io)
    {
        var cmd = new Command("user", "Accounts, clearances and compartments");
        cmd.Subcommands.Add(Add(io));
        cmd.Subcommands.Add(List(io));
        cmd.Subcommands.Add(Token(io));
        cmd.Subcommands.Add(Revoke(io));
        return cmd;
    }

    private static Command Add(CommandIo io)
    {
        var name = new Argument<string>("name");
        var clearance = new Option<string>("--clearance") { Description = "Ongerubriceerd, Dep.V, Stg.C, Stg.G or Stg.ZG", Required = true };
        var compartments = new Option<string?>("--compartments") { Description = "Need-to-know compartments, separated by ';'" };
        var roles = new Option<string?>("--roles") { Description = string.Join(", ", Roles.All) + " (default Analyst)" };
        var password = new Option<string?>("--password") { Description = "Initial password (default: a generated one-time password)" };
        var organisation = new Option<string?>("--organisation") { Description = "Organisation code" };
        var cmd = new Command("add", "Add a user") { name, clearance, compartments, roles, password, organisation };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<AddUser>().HandleAsync(new AddUserRequest(parse.GetValue(name)!, parse.GetValue(clearance)!,
                parse.GetValue(compartments), parse.GetValue(roles), parse.GetValue(password), null, parse.GetValue(organisation)), ct);
            if (!result.IsOk) return io.Fail(result);
            var u = result.Value!;
            await io.Out.WriteLineAsync($"Added {u.UserName}: clearance {u.Clearance}, compartments [{string.Join(";", u.Compartments)}], roles [{string.Join(";", u.Roles)}].");
            if (u.OneTimePassword is { } pw) await io.Out.WriteLineAsync($"One-time password (shown only now): {pw}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command List(CommandIo io)
    {
        var cmd = new Command("list", "List users (administrators)");
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            var result = await session.Get<ListUsers>().HandleAsync(ct);
            if (!result.IsOk) return io.Fail(result);
            var table = new Table().Border(TableBorder.Simple).AddColumns("user", "clearance", "compartments", "roles");
            foreach (var u in result.Value!)
                table.AddRow(Markup.Escape(u.UserName), Markup.Escape(u.Clearance), Markup.Escape(string.Join(";", u.Compartments)), Markup.Escape(string.Join(";", u.Roles)));
            RecordCommands.Console(io).Write(table);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Revoke(CommandIo io)
    {
        var name = new Argument<string>("name") { Description = "The user whose API tokens are revoked" };
        var cmd = new Command("revoke-tokens", "Revoke every API token of a user (administrators); takes effect within 30 seconds on a running server") { name };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            if (!session.User.IsInRole(Roles.Administrator) && session.User.UserName != parse.GetValue(name))
                throw new CliException(ExitCodes.Forbidden, "Only an administrator can revoke another user's tokens.");
            var count = await session.Get<ApiTokens>().RevokeAllAsync(parse.GetValue(name)!, ct)
                        ?? throw new CliException(ExitCodes.NotFound, $"No user '{parse.GetValue(name)}'.");
            await io.Out.WriteLineAsync($"Revoked {count} token(s) of {parse.GetValue(name)}.");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Token(CommandIo io)
    {
        var name = new Argument<string>("name") { Description = "The user the token acts for" };
        var label = new Option<string>("--label") { DefaultValueFactory = _ => "cli" };
        var cmd = new Command("token", "Create a personal API token (administrators); it is shown once and stored hashed") { name, label };
        cmd.SetAction((parse, ct) => io.Run(parse, async g =>
        {
            await using var session = await CliSession.OpenAsync(g, io.Err, ct: ct);
            if (!session.User.IsInRole(Roles.Administrator) && session.User.UserName != parse.GetValue(name))
                throw new CliException(ExitCodes.Forbidden, "Only an administrator can create a token for another user.");
            var token = await session.Get<ApiTokens>().CreateAsync(parse.GetValue(name)!, parse.GetValue(label)!, ct)
                        ?? throw new CliException(ExitCodes.NotFound, $"No user '{parse.GetValue(name)}'.");
            await io.Out.WriteLineAsync(token);
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
