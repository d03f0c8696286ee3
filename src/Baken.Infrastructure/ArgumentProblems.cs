namespace Baken.Infrastructure;

public static class ArgumentProblems
{
    /// <summary>
    /// What a refused argument says, without the " (Parameter 'name')" the runtime appends (and an out-of-range value's
    /// "Actual value was …" after it): the core's messages already name the parameter in the user's words.
    /// </summary>
    public static string Reason(this ArgumentException e)
    {
        var suffix = e.ParamName is { } name ? e.Message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal) : -1;
        return suffix >= 0 ? e.Message[..suffix] : e.Message;
    }
}
