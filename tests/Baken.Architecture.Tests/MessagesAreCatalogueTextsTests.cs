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
}
