using System.Globalization;
using Baken.Domain;

namespace Baken.Application.Register;

/// <summary>The register's refusals and not-founds as catalogue texts (English word for word as the CLI and API show it).</summary>
public static class RegisterTexts
{
    public static readonly MessageTemplate OwnCommand = new("allowed.register.owncommand", "{0} are made by their own command, not edited in the register.");
    public static readonly MessageTemplate NoRecord = new("allowed.register.norecord", "No {0} with code '{1}'.");
    public static readonly MessageTemplate NoHistory = new("allowed.register.nohistory", "No history for {0} '{1}'.");

    /// <summary>"Analysis runs are made by their own command …", with the kind's display name in the reader's language.</summary>
    public static ValidationMessage MadeByOwnCommand(RecordKind kind) => OwnCommand.With(new KindName(kind));

    /// <summary>
    /// A kind's display name as a message argument: the kind already carries its Dutch and English names, so the name
    /// follows the culture the message is rendered in (Dutch for a Dutch reader, English for the invariant text) rather
    /// than repeating every kind's name in the resources.
    /// </summary>
    private sealed class KindName(RecordKind kind) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            formatProvider is CultureInfo { TwoLetterISOLanguageName: "nl" } ? kind.DisplayNl : kind.DisplayEn;

        public override string ToString() => kind.DisplayEn;
    }
}
