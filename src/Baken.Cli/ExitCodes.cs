using Baken.Application.Common;

namespace Baken.Cli;

/// <summary>The documented exit codes of the baken command (README.md, 'The command line').</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Unexpected = 1;
    public const int Invalid = 2;
    public const int NotFound = 3;
    public const int Conflict = 4;
    public const int Forbidden = 5;

    public static int For(ResultStatus status) => status switch
    {
        ResultStatus.Ok => Ok,
        ResultStatus.NotFound => NotFound,
        ResultStatus.Invalid => Invalid,
        ResultStatus.Conflict => Conflict,
        ResultStatus.Forbidden => Forbidden,
        _ => Unexpected,
    };
}
