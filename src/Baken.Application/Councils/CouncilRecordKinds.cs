using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;
using K = Baken.Domain.Councils;

namespace Baken.Application.Register;

/// <summary>The council's records: councils, seats, meetings, agenda items, decisions, actions and papers.</summary>
public static partial class RecordKinds
{
    /// <summary>The kinds an agenda item may concern.</summary>
    public static readonly IReadOnlyList<string> AgendaLinkKinds =
        ["risk", "scenario", "analysis-run", "goal", "measure", "indicator", "vital-process", "stix-object", "catalogue-entry",
         "signal", "trend", "warning-indicator", "alert", "dependency"];

    public static readonly RecordKind Council = Kind<K.Council>("council", "councils", "Raden", "Councils", "name",
        db => db.Councils, b => b
            .Text("name", "Dutch name", r => r.Name, (r, v) => r.Name = v!, required: true)
            .Text("name_en", "English name", r => r.NameEn, (r, v) => r.NameEn = v)
            .Enum("type", "Council or preparatory committee", r => r.CouncilType, (r, v) => r.CouncilType = v)
            .Text("status", "existing, proposed or dissolved", r => r.Status, (r, v) => r.Status = v)
            .Text("chair", "Chair", r => r.Chair, (r, v) => r.Chair = v)
            .Codes("secretariat", "Organisations of the secretariat", r => r.Secretariat, (r, v) => r.Secretariat = v, "organisation")
            .Codes("prepares", "Committees: the councils it prepares", r => r.Prepares, (r, v) => r.Prepares = v, "council")
            .Text("summary", "Summary", r => r.Summary, (r, v) => r.Summary = v, multiline: true));

    public static readonly RecordKind CouncilMember = Kind<K.CouncilMember>("council-member", "council-members", "Raadsleden", "Council members", "name",
        db => db.CouncilMembers, b => b
            .Text("council", "Council", r => r.CouncilCode, (r, v) => r.CouncilCode = v!, required: true, references: "council")
            .Text("name", "Name or role of the seat holder", r => r.Name, (r, v) => r.Name = v!, required: true)
            .Text("role", "Role", r => r.Role, (r, v) => r.Role = v)
            .Text("ministry", "Ministry or organisation", r => r.MinistryCode, (r, v) => r.MinistryCode = v, references: "organisation")
            .Enum("membership", "Member, invited or agenda member", r => r.Membership, (r, v) => r.Membership = v)
            .Level("clearance", "Clearance of the seat holder", r => r.Clearance, (r, v) => r.Clearance = v)
            .Names("held_compartments", "Compartments the seat holder holds, codes separated by ';'", r => r.HeldCompartments,
                // A compartment list has always taken ',' as well as ';' (CompartmentDirectory.TryParse): one code per entry.
                (r, v) => r.HeldCompartments = [.. v.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)]),
        rules: CouncilMemberRules);

    public static readonly RecordKind Meeting = Kind<K.Meeting>("meeting", "meetings", "Vergaderingen", "Meetings", "title",
        db => db.Meetings, b => b
            .Text("council", "Council", r => r.CouncilCode, (r, v) => r.CouncilCode = v!, required: true, references: "council")
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Date("date", "Date", r => r.Date, (r, v) => r.Date = v ?? throw new DomainValidationException("date", "", AllowedTexts.CouncilsDateYyyyMmDd))
            .Level("security_level", "Highest level that may be discussed", r => r.SecurityLevel, (r, v) => r.SecurityLevel = v)
            .Codes("invited", "Council members invited", r => r.Invited, (r, v) => r.Invited = v, "council-member")
            .Enum("status", "Planned, held or cancelled", r => r.Status, (r, v) => r.Status = v)
            .Text("minutes", "Minutes", r => r.Minutes, (r, v) => r.Minutes = v, multiline: true),
        check: m => { if (m.Date == default) throw new DomainValidationException("date", "", AllowedTexts.CouncilsDateYyyyMmDd); },
        rules: MeetingRules);

    public static readonly RecordKind AgendaItem = Kind<K.AgendaItem>("agenda-item", "agenda-items", "Agendapunten", "Agenda items", "title",
        db => db.AgendaItems, b => b
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Text("council", "Council", r => r.CouncilCode, (r, v) => r.CouncilCode = v!, required: true, references: "council")
            .Text("meeting", "Meeting it is scheduled on (empty: forward agenda)", r => r.MeetingCode, (r, v) => r.MeetingCode = v, references: "meeting")
            .Date("planned_for", "Wanted date while not scheduled", r => r.PlannedFor, (r, v) => r.PlannedFor = v)
            .Links("links", "What it concerns: kind:code separated by ';' (kinds: " + string.Join(", ", AgendaLinkKinds) + ")", r => r.Links, (r, v) => r.Links = v, AgendaLinkKinds)
            .Text("committee", "Preparatory committee", r => r.CommitteeCode, (r, v) => r.CommitteeCode = v, references: "council")
            .Text("requester", "Who asked for it", r => r.Requester, (r, v) => r.Requester = v)
            .Date("papers_deadline", "Deadline for the papers", r => r.PapersDeadline, (r, v) => r.PapersDeadline = v)
            .Text("summary", "Summary", r => r.Summary, (r, v) => r.Summary = v, multiline: true),
        rules: AgendaItemRules);

    public static readonly RecordKind Decision = Kind<K.Decision>("decision", "decisions", "Besluiten", "Decisions", "title",
        db => db.Decisions, b => b
            .Text("agenda_item", "Agenda item decided on", r => r.AgendaItemCode, (r, v) => r.AgendaItemCode = v!, required: true, references: "agenda-item")
            .Text("title", "The decision in one line", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Text("text", "The decision in full", r => r.Text, (r, v) => r.Text = v, multiline: true)
            .Date("decided_on", "Date", r => r.DecidedOn, (r, v) => r.DecidedOn = v));

    public static readonly RecordKind FollowUpAction = Kind<K.FollowUpAction>("action", "actions", "Acties", "Follow-up actions", "title",
        db => db.FollowUpActions, b => b
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Text("decision", "Decision it follows from", r => r.DecisionCode, (r, v) => r.DecisionCode = v!, required: true, references: "decision")
            .Text("owner", "Who carries it out", r => r.Owner, (r, v) => r.Owner = v)
            .Date("deadline", "Deadline", r => r.Deadline, (r, v) => r.Deadline = v ?? throw new DomainValidationException("deadline", "", AllowedTexts.CouncilsDateYyyyMmDd))
            .Enum("status", "Open, done or cancelled", r => r.Status, (r, v) => r.Status = v)
            .Text("note", "Note", r => r.Note, (r, v) => r.Note = v, multiline: true),
        check: a => { if (a.Deadline == default) throw new DomainValidationException("deadline", "", AllowedTexts.CouncilsDateYyyyMmDd); });

    // The file itself is uploaded and downloaded through its own endpoints; the register holds its description.
    public static readonly RecordKind CouncilDocument = Kind<K.CouncilDocument>("document", "documents", "Stukken", "Papers", "title",
        db => db.CouncilDocuments, b => b
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Text("agenda_item", "Agenda item it belongs to", r => r.AgendaItemCode, (r, v) => r.AgendaItemCode = v!, required: true, references: "agenda-item")
            .Text("file_name", "File name", r => r.FileName, (r, v) => r.FileName = v ?? ""),
        readOnly: true);

    /// <summary>Held compartments must be defined compartments.</summary>
    private static async Task<IReadOnlyList<FieldError>> CouncilMemberRules(IBakenDb db, K.CouncilMember member, CancellationToken ct)
    {
        var directory = await CompartmentDirectory.LoadAsync(db, ct);
        return directory.TryParse(string.Join(';', member.HeldCompartments), out _, out var error) ? [] : [error! with { Field = "held_compartments" }];
    }

    /// <summary>
    /// Invitees must hold the meeting's level and the compartments of every item on its agenda; its items must not
    /// exceed its level.
    /// </summary>
    private static async Task<IReadOnlyList<FieldError>> MeetingRules(IBakenDb db, K.Meeting meeting, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var invited = meeting.Invited;
        var members = await db.CouncilMembers.AsNoTracking().Where(m => invited.Contains(m.Code)).ToListAsync(ct);
        foreach (var member in members.Where(m => m.Clearance < meeting.SecurityLevel))
            errors.Add(new FieldError("invited", member.Code,
                AllowedTexts.CouncilsInvitedLevel.With(meeting.SecurityLevel.DisplayName(), member.Code, member.Clearance.DisplayName())));
        if (meeting.Code.Length > 0)
        {
            var directory = await CompartmentDirectory.LoadAsync(db, ct);
            var itemMasks = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingCode == meeting.Code && i.CompartmentMask != 0)
                .Select(i => i.CompartmentMask).ToListAsync(ct);
            var needed = itemMasks.Aggregate(0L, (a, m) => a | m);
            foreach (var member in members)
            {
                var missing = needed & ~HeldMask(directory, member);
                if (missing != 0)
                    errors.Add(new FieldError("invited", member.Code,
                        AllowedTexts.CouncilsInvitedCompartments.With(member.Code, string.Join(", ", directory.Names(missing)))));
            }
            var tooHigh = await db.AgendaItems.AsNoTracking()
                .Where(i => i.MeetingCode == meeting.Code && i.ClassificationLevel > meeting.SecurityLevel).Select(i => i.Code).ToListAsync(ct);
            if (tooHigh.Count > 0)
                errors.Add(new FieldError("security_level", meeting.SecurityLevel.DisplayName(),
                    AllowedTexts.CouncilsMeetingLevel.With(string.Join(", ", tooHigh))));
        }
        return errors;
    }

    private static long HeldMask(CompartmentDirectory directory, K.CouncilMember member) =>
        directory.TryParse(string.Join(';', member.HeldCompartments), out var mask, out _) ? mask : 0;

    /// <summary>
    /// An item above a meeting's level cannot be put on its agenda, nor an item with compartments on a meeting with an
    /// invitee who does not hold them; links must name records the user may see.
    /// </summary>
    private static async Task<IReadOnlyList<FieldError>> AgendaItemRules(IBakenDb db, K.AgendaItem item, CancellationToken ct)
    {
        var errors = new List<FieldError>(await QualifiedCodes.CheckAsync(db, "links", item.Links, AgendaLinkKinds, ct));
        if (item.MeetingCode is { } code && await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Code == code, ct) is { } meeting)
        {
            if (item.ClassificationLevel > meeting.SecurityLevel)
                errors.Add(new FieldError("meeting", code,
                    AllowedTexts.CouncilsItemLevel.With(meeting.SecurityLevel.DisplayName(), item.ClassificationLevel.DisplayName())));
            if (meeting.CouncilCode != item.CouncilCode)
                errors.Add(new FieldError("meeting", code, AllowedTexts.CouncilsItemCouncil.With(item.CouncilCode)));
            if (item.CompartmentMask != 0)
            {
                var directory = await CompartmentDirectory.LoadAsync(db, ct);
                var invited = meeting.Invited;
                // Invitees the writer may not see count as lacking the compartment: refuse rather than guess.
                var members = await db.CouncilMembers.AsNoTracking().Where(m => invited.Contains(m.Code)).ToListAsync(ct);
                var lacking = members.Where(m => (item.CompartmentMask & ~HeldMask(directory, m)) != 0).Select(m => m.Code)
                    .Concat(invited.Where(c => members.All(m => m.Code != c))).ToList();
                if (lacking.Count > 0)
                    errors.Add(new FieldError("meeting", code,
                        AllowedTexts.CouncilsItemCompartments.With(string.Join(", ", directory.Names(item.CompartmentMask)), string.Join(", ", lacking))));
            }
        }
        return errors;
    }
}
