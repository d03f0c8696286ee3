using System.Reflection;
using Baken.Application.Common;
using Baken.Domain;

namespace Baken.Architecture.Tests;

/// <summary>
/// Issue 17: what a value may be is a catalogue text (a key the hosts translate and its English), never a plain string,
/// so no Dutch page shows English by accident. The plain-string constructors of the two carriers were removed; this keeps
/// them from coming back. A text from outside Baken (a library's exception, a feed's report) says so with
/// <see cref="ValidationMessage.Verbatim"/>.
/// </summary>
public sealed class MessagesAreCatalogueTextsTests
{
    [Theory]
    [InlineData(typeof(FieldError))]
    [InlineData(typeof(DomainValidationException))]
    public void AProblemCarrier_TakesWhatIsAllowed_OnlyAsACatalogueMessage(Type carrier)
    {
        var constructors = carrier.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(c => !c.GetParameters().Any(p => p.ParameterType == carrier)) // a record's copy constructor
            .ToList();

        constructors.ShouldNotBeEmpty();
        foreach (var c in constructors)
        {
            var parameters = c.GetParameters();
            parameters.Count(p => p.ParameterType == typeof(ValidationMessage)).ShouldBe(1, $"{carrier.Name}({string.Join(", ", parameters.Select(p => p.ParameterType.Name))})");
            // Field and value are strings; a third string would be what is allowed, written in one language only.
            parameters.Count(p => p.ParameterType == typeof(string)).ShouldBe(2, $"{carrier.Name}({string.Join(", ", parameters.Select(p => p.ParameterType.Name))}) takes a plain-string text");
        }
    }

    /// <summary>
    /// A use case's refusal, conflict or not-found is a catalogue text too: <see cref="Result{T}"/> offers them only with a
    /// <see cref="ValidationMessage"/>, so <c>Result&lt;T&gt;.NotFound($"No … '{code}'.")</c> does not compile and a Dutch
    /// page never shows the English by accident (the plain-string overloads were removed for #17).
    /// </summary>
    [Theory]
    [InlineData(nameof(Result<int>.Forbidden))]
    [InlineData(nameof(Result<int>.Conflict))]
    [InlineData(nameof(Result<int>.NotFound))]
    public void AResultsRefusalConflictOrNotFound_TakesOnlyACatalogueMessage(string factory)
    {
        var overloads = typeof(Result<>).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == factory).ToList();

        overloads.ShouldNotBeEmpty();
        foreach (var m in overloads)
        {
            var parameters = m.GetParameters();
            parameters[0].ParameterType.ShouldBe(typeof(ValidationMessage), $"{factory}({string.Join(", ", parameters.Select(p => p.ParameterType.Name))})");
            parameters.ShouldNotContain(p => p.ParameterType == typeof(string), $"{factory}({string.Join(", ", parameters.Select(p => p.ParameterType.Name))}) takes a plain-string text");
        }
    }

    /// <summary>
    /// <see cref="Result{T}"/> has no public constructor, so no failure is made with a plain-string message beside the
    /// factories above; a failure handed on from another use case keeps its catalogue text (<c>Result&lt;T&gt;.Failed</c>).
    /// </summary>
    [Fact]
    public void AResult_IsMadeOnlyByItsFactories()
    {
        typeof(Result<int>).GetConstructors(BindingFlags.Public | BindingFlags.Instance).ShouldBeEmpty();
        typeof(Result<int>).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(c => c.IsAssembly || c.IsFamilyOrAssembly || c.IsFamily).ShouldBeEmpty();
    }
}
