using System.Globalization;
using Baken.Domain;

namespace Baken.Application.Register;

/// <summary>The register's refusals and not-founds as catalogue texts (English word for word as the CLI and API show it).</summary>
public static class RegisterTexts
{
    public static readonly MessageTemplate OwnCommand = new("allowed.register.owncommand", "{0} are made by their own command, not edited in the register.");
    public static readonly MessageTemplate NoRecord = new("allowed.register.norecordin", "No record with code '{1}' in {0}.");
    public static readonly MessageTemplate NoHistory = new("allowed.register.nohistoryin", "No history for '{1}' in {0}.");
    public static readonly MessageTemplate CodeTaken = new("allowed.register.codetaken", "A record with code '{1}' cannot be created in {0}: the code is already in use.");

    public static readonly MessageTemplate RecordChangedSince = new("allowed.register.recordchangedsince", "{0} '{1}' was changed or deleted by someone else since you read it. Reload it, then apply your change again.");
    public static readonly MessageTemplate AnyChangedSince = new("allowed.register.anychangedsince", "The record was changed or deleted by someone else since you read it. Reload it, then apply your change again.");
    public static readonly MessageTemplate Referred = new("allowed.register.referred", "The {0} '{1}' cannot be deleted: {2} refer to it. Change or delete those first, or delete with cascade.");
    public static readonly MessageTemplate ReferredByHidden = new("allowed.register.referredbyhidden", "The {0} '{1}' cannot be deleted: other records refer to it.");
    public static readonly MessageTemplate Referrers = new("allowed.register.referrers", "{0} {1} ({2})");
    public static readonly MessageTemplate ReferrersAndOthers = new("allowed.register.referrersandothers", "{0} and other records");
    public static readonly MessageTemplate OtherRecords = new("allowed.register.otherrecords", "other records");
    public static readonly MessageTemplate CommaListOfTwo = new("allowed.register.commalistoftwo", "{0}, {1}");

    /// <summary>"Analysis runs are made by their own command …", with the kind's display name in the reader's language.</summary>
    public static ValidationMessage MadeByOwnCommand(RecordKind kind) => OwnCommand.With(new KindName(kind));

    /// <summary>"No record with code 'X' in Scenarios." — also the answer for a record the caller may not see.</summary>
    public static ValidationMessage NotFound(RecordKind kind, string code) => NoRecord.With(new KindName(kind), code);

    public static ValidationMessage NoHistoryOf(RecordKind kind, string code) => NoHistory.With(new KindName(kind), code);

    /// <summary>The one answer to a create whose code is taken, whether or not the caller may see the record that holds it.</summary>
    public static ValidationMessage CodeInUse(RecordKind kind, string code) => CodeTaken.With(new KindName(kind), code);

    /// <summary>"scenario 'X' was changed or deleted by someone else …" (a save that lost the race).</summary>
    public static ValidationMessage ChangedSince(RecordKind kind, string code) => RecordChangedSince.With(new KindWord(kind, 1), code);

    /// <summary>
    /// Why a record may not be deleted: the visible referrers per kind (count and up to ten codes), and "other records"
    /// for any the reader may not see.
    /// </summary>
    public static ValidationMessage ReferredBy(RecordKind kind, string code, IReadOnlyList<(RecordKind Kind, IReadOnlyCollection<string> Codes)> visible, bool hidden)
    {
        if (visible.Count == 0) return Referred.With(new KindWord(kind, 1), code, OtherRecords);
        var groups = visible.Select(g => Referrers.With(g.Codes.Count, new KindWord(g.Kind, g.Codes.Count),
            string.Join(", ", g.Codes.Take(10)) + (g.Codes.Count > 10 ? ", …" : ""))).ToList();
        var who = groups.Skip(1).Aggregate(groups[0], (all, next) => CommaListOfTwo.With(all, next));
        return Referred.With(new KindWord(kind, 1), code, hidden ? ReferrersAndOthers.With(who) : who);
    }

    /// <summary>A cascade that meets a record the reader may not see: refused without naming it.</summary>
    public static ValidationMessage ReferredByHiddenRecords(RecordKind kind, string code) => ReferredByHidden.With(new KindWord(kind, 1), code);

    /// <summary>
    /// A kind named in a rule or refusal ("the code of an existing scenario"): in English as <paramref name="name"/> is
    /// written (the register's name, "vital process"), for a Dutch reader the kind's display name ("Vitale processen"),
    /// which the Dutch texts frame; a name that is no register kind reads as written in both.
    /// </summary>
    public static object KindNamed(string name) =>
        (RecordKinds.Find(name) ?? RecordKinds.Find(name.Replace(' ', '-'))) is { } kind ? new KindWord(kind, 1, name) : name;

    /// <summary>
    /// A kind as a word in a sentence: in English the register's own name ("scenario", "1 theme", "2 themes", as the CLI
    /// has always written it), for a Dutch reader the kind's display name ("Scenario's"), which the Dutch texts frame.
    /// </summary>
    private sealed class KindWord(RecordKind kind, int count, string? english = null) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            formatProvider is CultureInfo { TwoLetterISOLanguageName: "nl" } ? kind.DisplayNl : ToString();

        public override string ToString() => english ?? (count == 1 ? kind.Name : kind.Plural);
    }

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
