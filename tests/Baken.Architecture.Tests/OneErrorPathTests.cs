using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Baken.Architecture.Tests;

/// <summary>
/// Every problem response of the web host is built by <c>Baken.Web.Api.ResultResponses</c> (issue 18, item 5), so every
/// failure has one shape: status, title, detail and, for bad input, the fields with their values and what is allowed.
/// A problem built anywhere else would drift from it (a missing detail, a message without the value).
/// </summary>
public sealed class OneErrorPathTests
{
    private const string Owner = "Baken.Web.Api.ResultResponses";

    /// <summary>The framework's ways to write a problem: the result factories and the problem-details service itself.</summary>
    private static bool BuildsAProblem(MethodReference m) => (m.DeclaringType.FullName, m.Name) switch
    {
        ("Microsoft.AspNetCore.Http.Results" or "Microsoft.AspNetCore.Http.TypedResults", "Problem" or "ValidationProblem") => true,
        ("Microsoft.AspNetCore.Http.IProblemDetailsService", "WriteAsync" or "TryWriteAsync") => true,
        ("Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult" or "Microsoft.AspNetCore.Http.HttpResults.ValidationProblem", ".ctor") => true,
        _ => false,
    };

    /// <summary>Each written type of Baken.Web (lambdas and state machines count for the type they are written in) that builds a problem.</summary>
    private static Dictionary<string, List<string>> ProblemBuilders()
    {
        using var module = ModuleDefinition.ReadModule(Assembly.Load("Baken.Web").Location);
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        foreach (var method in type.Methods.Where(m => m.HasBody))
        foreach (var call in method.Body.Instructions.Select(i => i.Operand).OfType<MethodReference>().Where(BuildsAProblem))
        {
            var owner = type;
            while (owner.DeclaringType is not null && (owner.Name.Contains('<', StringComparison.Ordinal) || owner.DeclaringType.FullName == Owner))
                owner = owner.DeclaringType;
            if (!found.TryGetValue(owner.FullName, out var calls)) found[owner.FullName] = calls = [];
            calls.Add($"{call.DeclaringType.Name}.{call.Name}");
        }
        return found;
    }

    [Fact]
    public void ProblemResponses_AreBuiltOnlyByResultResponses()
    {
        var offenders = ProblemBuilders().Where(t => t.Key != Owner).Select(t => $"{t.Key} calls {string.Join(", ", t.Value.Distinct())}").ToList();
        offenders.ShouldBeEmpty("a failure becomes a response through ResultResponses (ToResponse, Invalid or Problem), never by hand");
    }

    [Fact]
    public void TheRule_SeesResultResponsesBuildingItsProblems()
    {
        // The rule is only as good as its reading: the one owner must be seen doing what everyone else may not.
        var owner = ProblemBuilders()[Owner];
        owner.ShouldContain("Results.Problem");
        owner.ShouldContain("Results.ValidationProblem");
    }
}
