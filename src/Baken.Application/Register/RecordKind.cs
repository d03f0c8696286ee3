using Baken.Application.Assessments;
using Baken.Application.Capabilities;
using Baken.Application.Cascades;
using Baken.Application.Common;
using Baken.Application.Workflow;
using Baken.Domain;
using Baken.Domain.Analysis;
using Baken.Domain.Assessments;
using Baken.Domain.Catalogue;
using Baken.Domain.Register;
using Baken.Domain.Signals;
using C = Baken.Domain.Catalogue;
using D = Baken.Domain.Register;

namespace Baken.Application.Register;

/// <summary>
/// A kind of register record (risk, scenario, …): its name in URLs, the CLI and import files, its fields and
/// how to query it. The register's use cases are written once against this description (see docs/adr/0002).
/// </summary>
public sealed class RecordKind
{
    public required string Name { get; init; }
    public required string Plural { get; init; }
    public required string DisplayNl { get; init; }
    public required string DisplayEn { get; init; }
    public required Type ClrType { get; init; }
    /// <summary>The field shown as the record's title in lists.</summary>
    public required string TitleField { get; init; }
    /// <summary>The entity property behind <see cref="TitleField"/>, so lists can search and sort on it in SQL.</summary>
    public required string TitleProperty { get; init; }
    public required IReadOnlyList<RecordField> Fields { get; init; }
    public required Func<Record> Create { get; init; }
    public required Func<IBakenDb, IQueryable<Record>> Query { get; init; }
    /// <summary>Rules across fields, checked after every field is set (e.g. a scale's bounds must increase).</summary>
    public Action<Record>? Check { get; init; }
    /// <summary>Rules against other records (a meeting's level against its invitees), checked after <see cref="Check"/>.</summary>
    public Func<IBakenDb, Record, CancellationToken, Task<IReadOnlyList<FieldError>>>? Rules { get; init; }
    /// <summary>Records made only by their own use case (analysis runs); the register's write paths refuse them.</summary>
    public bool ReadOnly { get; init; }

    public RecordField? Field(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public string Title(Record r) => Field(TitleField)?.Get(r) ?? r.Code;
}

public static partial class RecordKinds
{
    private static RecordKind Kind<T>(string name, string plural, string nl, string en, string titleField,
        Func<IBakenDb, IQueryable<T>> query, Action<RecordFieldBuilder<T>> fields, bool readOnly = false, Action<T>? check = null,
        Func<IBakenDb, T, CancellationToken, Task<IReadOnlyList<FieldError>>>? rules = null) where T : Record, new()
    {
        var b = new RecordFieldBuilder<T>();
        fields(b);
        return new RecordKind
        {
            Name = name, Plural = plural, DisplayNl = nl, DisplayEn = en, ClrType = typeof(T), TitleField = titleField,
            TitleProperty = titleField switch
            {
                "title" => "Title", "name" => "Name", "criterion" => "CriterionCode", "scenario" => "ScenarioCode",
                "type" => "StixType", "profile" => "Profile", "subject" => "Subject", "indicator" => "IndicatorCode",
                _ => throw new InvalidOperationException($"Kind {name}: no entity property known for title field '{titleField}'."),
            },
            Fields = b.Fields, Create = () => new T(), Query = db => query(db), ReadOnly = readOnly,
            Check = check is null ? null : r => check((T)r),
            Rules = rules is null ? null : (db, r, ct) => rules(db, (T)r, ct),
        };
    }

    public static readonly RecordKind Interest = Kind<NationalSecurityInterest>("interest", "interests", "Nationale veiligheidsbelangen", "National security interests", "name",
        db => db.Interests, b => b
            .Text("name", "Dutch name", r => r.Name, (r, v) => r.Name = v!, required: true)
            .Text("name_en", "English name", r => r.NameEn, (r, v) => r.NameEn = v ?? "")
            .Text("summary", "Summary", r => r.Summary, (r, v) => r.Summary = v, multiline: true));

    public static readonly RecordKind Criterion = Kind<ImpactCriterion>("criterion", "criteria", "Impactcriteria", "Impact criteria", "name",
        db => db.Criteria, b => b
            .Text("interest", "Code of the national security interest", r => r.InterestCode, (r, v) => r.InterestCode = v!, required: true, references: "interest")
            .Text("name", "Dutch name", r => r.Name, (r, v) => r.Name = v!, required: true)
            .Text("name_en", "English name", r => r.NameEn, (r, v) => r.NameEn = v ?? "")
            .Text("measured_as", "What is measured", r => r.MeasuredAs, (r, v) => r.MeasuredAs = v)
            .Bool("retired", "No longer scored in new analyses", r => r.Retired, (r, v) => r.Retired = v));

    public static readonly RecordKind Scale = Kind<CriterionScale>("scale", "scales", "Klassenschalen", "Class scales", "criterion",
        db => db.CriterionScales, b => b
            .Text("criterion", "Code of the impact criterion", r => r.CriterionCode, (r, v) => r.CriterionCode = v!, required: true, references: "criterion")
            .Int("scale_version", "Version of this criterion's scale", r => r.ScaleVersion, (r, v) => r.ScaleVersion = v, 1, 1000)
            .Text("unit", "Unit of the quantities (or 'ladder')", r => r.Unit, (r, v) => r.Unit = v!, required: true)
            .Bool("indicative", "Placeholder values, not verified official boundaries", r => r.Indicative, (r, v) => r.Indicative = v)
            .Bool("quantitative", "Classes have numeric lower bounds", r => r.Quantitative, (r, v) => r.Quantitative = v)
            .Number("lower_a", "Inclusive lower bound of class A", r => r.LowerA, (r, v) => r.LowerA = v)
            .Number("lower_b", "Inclusive lower bound of class B", r => r.LowerB, (r, v) => r.LowerB = v)
            .Number("lower_c", "Inclusive lower bound of class C", r => r.LowerC, (r, v) => r.LowerC = v)
            .Number("lower_d", "Inclusive lower bound of class D", r => r.LowerD, (r, v) => r.LowerD = v)
            .Number("lower_e", "Inclusive lower bound of class E", r => r.LowerE, (r, v) => r.LowerE = v)
            .Text("description_a", "Meaning of class A", r => r.DescriptionA, (r, v) => r.DescriptionA = v, multiline: true)
            .Text("description_b", "Meaning of class B", r => r.DescriptionB, (r, v) => r.DescriptionB = v, multiline: true)
            .Text("description_c", "Meaning of class C", r => r.DescriptionC, (r, v) => r.DescriptionC = v, multiline: true)
            .Text("description_d", "Meaning of class D", r => r.DescriptionD, (r, v) => r.DescriptionD = v, multiline: true)
            .Text("description_e", "Meaning of class E", r => r.DescriptionE, (r, v) => r.DescriptionE = v, multiline: true),
        check: s => s.CheckBounds());

    public static readonly RecordKind Theme = Kind<D.Theme>("theme", "themes", "Thema's", "Themes", "name",
        db => db.Themes, b => b
            .Text("name", "Dutch name", r => r.Name, (r, v) => r.Name = v!, required: true)
            .Text("name_en", "English name", r => r.NameEn, (r, v) => r.NameEn = v ?? "")
            .Text("summary", "Summary", r => r.Summary, (r, v) => r.Summary = v, multiline: true));

    public static readonly RecordKind Risk = Kind<D.Risk>("risk", "risks", "Risico's", "Risks", "title",
        db => db.Risks, b => b
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Enum("kind", "Hazard (non-malicious) or threat (malicious)", r => r.Kind, (r, v) => r.Kind = v, required: true)
            .Enum("dimension", "Internal, external or both", r => r.Dimension, (r, v) => r.Dimension = v)
            .Enum("lenses", "WRR lenses", r => r.Lenses, (r, v) => r.Lenses = v)
            .Text("theme", "Theme code", r => r.ThemeCode, (r, v) => r.ThemeCode = v, references: "theme")
            .Codes("interests", "Interest codes separated by ';'", r => r.InterestCodes, (r, v) => r.InterestCodes = v, "interest")
            .Text("organisation", "Owning organisation code", r => r.OrganisationCode, (r, v) => r.OrganisationCode = v, references: "organisation")
            .Text("description", "Description", r => r.Description, (r, v) => r.Description = v, multiline: true));

    public static readonly RecordKind Scenario = Kind<D.Scenario>("scenario", "scenarios", "Scenario's", "Scenarios", "title",
        db => db.Scenarios, b => b
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Text("risk", "Code of the risk it makes concrete", r => r.RiskCode, (r, v) => r.RiskCode = v, references: "risk")
            .Text("theme", "Theme code", r => r.ThemeCode, (r, v) => r.ThemeCode = v, references: "theme")
            .Enum("kind", "Hazard (non-malicious) or threat (malicious)", r => r.Kind, (r, v) => r.Kind = v, required: true)
            .Int("horizon_years", "Horizon of the likelihood judgement in years", r => r.HorizonYears, (r, v) => r.HorizonYears = v, 1, 100)
            .Text("narrative", "Narrative", r => r.Narrative, (r, v) => r.Narrative = v, multiline: true)
            .Text("assumptions", "Assumptions", r => r.Assumptions, (r, v) => r.Assumptions = v, multiline: true)
            .Text("worst_case", "Reasonable worst case", r => r.ReasonableWorstCase, (r, v) => r.ReasonableWorstCase = v, multiline: true)
            .Text("capabilities", CapabilityLevels.NeedsAllowed, r => CapabilityLevels.FormatNeeds(r.Capabilities),
                (r, v) => r.Capabilities = CapabilityLevels.ParseNeeds(v, "capabilities"))
            .Text("disruptions", ScenarioDisruptions.Allowed, r => ScenarioDisruptions.Format(r.Disruptions),
                (r, v) => r.Disruptions = ScenarioDisruptions.Parse(v))
            .Codes("components", "Compound scenario: the scenarios that happen at once", r => r.Components, (r, v) => r.Components = v, "scenario")
            .Text("dependence", CompoundScenarioScoring.DependenceAllowed, r => CompoundScenarioScoring.FormatDependence(r.Dependence),
                (r, v) => r.Dependence = CompoundScenarioScoring.ParseDependence(v)),
        rules: async (db, s, ct) =>
        {
            var errors = new List<FieldError>();
            foreach (var code in s.Disruptions.Select(d => d.Process).Distinct())
                if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.VitalProcesses, p => p.Code == code, ct))
                    errors.Add(new FieldError("disruptions", code, RecordReferences.Existing("vital process")));
            errors.AddRange(await CapabilityLevels.UnknownAsync(db, "capabilities",
                s.Capabilities.Select(n => n.Capability), ct));
            return errors;
        });

    public static readonly RecordKind Actor = Kind<D.Actor>("actor", "actors", "Actoren", "Actors", "name",
        db => db.Actors, b => b
            .Text("name", "Name", r => r.Name, (r, v) => r.Name = v!, required: true)
            .Enum("actor_type", "State or non-state", r => r.ActorType, (r, v) => r.ActorType = v)
            .ClassLetter("intent", "Judged intent (A–E)", r => r.Intent, (r, v) => r.Intent = v)
            .ClassLetter("capability", "Judged capability (A–E)", r => r.Capability, (r, v) => r.Capability = v)
            .Text("description", "Description", r => r.Description, (r, v) => r.Description = v, multiline: true));

    public static readonly RecordKind Organisation = Kind<D.Organisation>("organisation", "organisations", "Organisaties", "Organisations", "name",
        db => db.Organisations, b => b
            .Text("name", "Dutch name", r => r.Name, (r, v) => r.Name = v!, required: true)
            .Text("name_en", "English name", r => r.NameEn, (r, v) => r.NameEn = v ?? "")
            .Enum("type", "Kind of organisation", r => r.Type, (r, v) => r.Type = v)
            .Text("summary", "Summary", r => r.Summary, (r, v) => r.Summary = v, multiline: true)
            .Text("capabilities", CapabilityLevels.HoldingsAllowed, r => CapabilityLevels.FormatLevels(r.Capabilities),
                (r, v) => r.Capabilities = CapabilityLevels.ParseLevels(v, "capabilities")),
        rules: async (db, o, ct) => await CapabilityLevels.UnknownAsync(db, "capabilities",
            o.Capabilities.Select(l => l.Capability), ct));

    public static readonly RecordKind Source = Kind<D.Source>("source", "sources", "Bronnen", "Sources", "title",
        db => db.Sources, b => b
            .Text("title", "Title", r => r.Title, (r, v) => r.Title = v!, required: true)
            .Text("organisation", "Publishing organisation code", r => r.OrganisationCode, (r, v) => r.OrganisationCode = v, references: "organisation")
            .Text("reference", "Reference or URL", r => r.Reference, (r, v) => r.Reference = v)
            .Date("published", "Publication date", r => r.Published, (r, v) => r.Published = v)
            .ClassLetter("reliability", "Reliability grade (A–E)", r => r.Reliability, (r, v) => r.Reliability = v));

    public static readonly RecordKind VitalProcess = Kind<D.VitalProcess>("vital-process", "vital-processes", "Vitale processen", "Vital processes", "name",
        db => db.VitalProcesses, b => b
            .Text("name", "Dutch name", r => r.Name, (r, v) => r.Name = v!, required: true)
            .Text("name_en", "English name", r => r.NameEn, (r, v) => r.NameEn = v ?? "")
            .Text("sector", "Sector", r => r.Sector, (r, v) => r.Sector = v!, required: true)
            .Enum("category", "Category A or B", r => r.Category, (r, v) => r.Category = v)
            .Text("ministry", "Responsible ministry", r => r.Ministry, (r, v) => r.Ministry = v));

    public static readonly RecordKind CatalogueEntry = Kind<C.CatalogueEntry>("catalogue-entry", "catalogue-entries", "Catalogus", "Catalogue", "name",
        db => db.CatalogueEntries, b => b
            .Text("kind", "Catalogue kind (trend, goal, council, …)", r => r.Kind, (r, v) => r.Kind = v!, required: true)
            .Text("name", "Dutch name", r => r.Name, (r, v) => r.Name = v!, required: true)
            .Text("name_en", "English name", r => r.NameEn, (r, v) => r.NameEn = v ?? "")
            .Text("summary", "Summary", r => r.Summary, (r, v) => r.Summary = v, multiline: true)
            .Bool("indicative", "Inferred or placeholder content", r => r.Indicative, (r, v) => r.Indicative = v)
            .Text("attributes", "Other fields as a JSON object", r => r.AttributesJson, (r, v) => r.AttributesJson = ValidJsonObject(v, "attributes"), multiline: true));

    public static readonly RecordKind StixObject = Kind<StixObjectRecord>("stix-object", "stix-objects", "STIX-objecten", "STIX objects", "type",
        db => db.StixObjects, b => b
            .Text("type", "STIX object type", r => r.StixType, (r, v) => r.StixType = v!, required: true)
            .Text("spec_version", "STIX specification version", r => r.SpecVersion, (r, v) => r.SpecVersion = v)
            .Names("labels", "Labels separated by ';'", r => r.Labels, (r, v) => r.Labels = v)
            .Text("json", "The object as STIX 2.1 JSON", r => r.Json, (r, v) => r.Json = ValidJsonObject(v, "json"), required: true, multiline: true),
        readOnly: true);

    public static readonly RecordKind Assessment = Kind<Assessment>("assessment", "assessments", "Beoordelingen", "Assessments", "scenario",
        db => db.Assessments, b => b
            .Text("scenario", "Code of the scenario assessed", r => r.ScenarioCode, (r, v) => r.ScenarioCode = v!, required: true, references: "scenario")
            .Text("analyst", "The analyst (user name)", r => r.Analyst, (r, v) => r.Analyst = RecordCode.Validate(v, "analyst"), required: true)
            .Text("organisation", "The analyst's organisation", r => r.Organisation, (r, v) => r.Organisation = v!, required: true)
            .Number("horizon_years", "Horizon of the likelihood judgement in years (empty: 5)", r => r.HorizonYears, (r, v) => r.HorizonYears = v)
            .Text("likelihood", "Class, range or probability over the horizon (e.g. C, B-D, 2%)", r => r.Likelihood, (r, v) => r.Likelihood = v)
            .ClassLetter("intent", "Threats: the actor's intent", r => r.Intent, (r, v) => r.Intent = v)
            .ClassLetter("capability", "Threats: the actor's capability", r => r.Capability, (r, v) => r.Capability = v)
            .ClassLetter("vulnerability", "Threats: the target's vulnerability", r => r.Vulnerability, (r, v) => r.Vulnerability = v)
            .Text("override_reason", "Why the likelihood overrides the threat rule's suggestion", r => r.OverrideReason, (r, v) => r.OverrideReason = v)
            .Text("confidence", "Strength of knowledge: low, medium or high", r => r.Confidence, (r, v) => r.Confidence = v?.ToLowerInvariant() is null or "low" or "medium" or "high" ? v?.ToLowerInvariant() : throw new DomainValidationException("confidence", v, AllowedTexts.RegisterLowMediumHigh))
            .Text("scores", ScoreList.Allowed, r => ScoreList.Format(r.Scores), (r, v) => r.Scores = ScoreList.Parse(v), required: true, multiline: true)
            .Text("knowledge_evidence", "Strength of knowledge, evidence base: 0 (weakest) to 4 (strongest)", r => KnowledgePedigree.Text(r.KnowledgeEvidence),
                (r, v) => r.KnowledgeEvidence = KnowledgePedigree.Parse("knowledge_evidence", v))
            .Text("knowledge_agreement", "Strength of knowledge, agreement among experts: 0 (weakest) to 4 (strongest)", r => KnowledgePedigree.Text(r.KnowledgeAgreement),
                (r, v) => r.KnowledgeAgreement = KnowledgePedigree.Parse("knowledge_agreement", v))
            .Text("knowledge_understanding", "Strength of knowledge, understanding of the phenomenon: 0 (weakest) to 4 (strongest)", r => KnowledgePedigree.Text(r.KnowledgeUnderstanding),
                (r, v) => r.KnowledgeUnderstanding = KnowledgePedigree.Parse("knowledge_understanding", v))
            .Text("rationale", "Rationale", r => r.Rationale, (r, v) => r.Rationale = v, multiline: true)
            .Codes("sources", "Source codes separated by ';'", r => r.Sources, (r, v) => r.Sources = v, "source")
            .Text("status", AssessmentStatuses.FieldDescription, r => AssessmentStatuses.Name(r.Status),
                (r, v) => AssessmentStatuses.KeepUnchanged(r, v))
            .Text("status_note", "The coordinator's comments, or who entered it for whom (set by the workflow)", r => r.StatusNote,
                (r, v) => AssessmentStatuses.KeepUnchanged("status_note", r.StatusNote, v))
            .Text("change_reason", "Why a validated assessment is changed, or why it is revised in round 2 (required for that change)", r => r.ChangeReason, (r, v) => r.ChangeReason = v)
            .Text("round1_scores", "The scores at the end of the blind round (set by the workflow)", r => ScoreList.FormatOrNull(r.Round1Scores),
                (r, v) => AssessmentStatuses.KeepUnchanged("round1_scores", ScoreList.FormatOrNull(r.Round1Scores), v))
            .Text("round1_likelihood", "The likelihood at the end of the blind round (set by the workflow)", r => r.Round1Likelihood,
                (r, v) => r.Round1Likelihood = AssessmentStatuses.KeepUnchanged("round1_likelihood", r.Round1Likelihood, v)),
        rules: AssessmentRules);

    /// <summary>Every scored criterion must be an impact criterion of the register.</summary>
    private static async Task<IReadOnlyList<FieldError>> AssessmentRules(IBakenDb db, Assessment a, CancellationToken ct)
    {
        var codes = a.Scores.Select(s => s.Criterion).Distinct().ToList();
        if (codes.Count == 0) return [];
        var known = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Criteria.Where(c => codes.Contains(c.Code)).Select(c => c.Code), ct);
        return codes.Except(known).Select(c => new FieldError("scores", c, RecordReferences.Existing("criterion"))).ToList();
    }

    public static readonly RecordKind AnalysisRun = Kind<AnalysisRun>("analysis-run", "analysis-runs", "Analyses", "Analysis runs", "profile",
        db => db.AnalysisRuns, b => b
            .Text("profile", "Preference profile", r => r.Profile, (r, v) => r.Profile = v!, required: true)
            .Number("factor", "Cardinal ladder factor", r => r.Factor, (r, v) => r.Factor = v ?? 3)
            .Int("iterations", "Monte Carlo iterations", r => r.Iterations, (r, v) => r.Iterations = v, 0, int.MaxValue)
            .Text("seed", "Seed", r => r.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), (r, v) => r.Seed = long.Parse(v ?? "0", System.Globalization.CultureInfo.InvariantCulture))
            .Text("code_version", "Code version", r => r.CodeVersion, (r, v) => r.CodeVersion = v ?? "")
            .Text("input_source", "Register or file", r => r.InputSource, (r, v) => r.InputSource = v ?? "")
            .Int("scenarios", "Scenarios analysed", r => r.ScenarioCount, (r, v) => r.ScenarioCount = v, 0, int.MaxValue)
            .Bool("concept", "A concept run: it used assessments that are not validated", r => r.Concept, (r, v) => r.Concept = v)
            .Names("assessments", "The register assessments the run used, separated by ';'", r => r.AssessmentCodes, (r, v) => r.AssessmentCodes = v, empty: "")
            .Text("knowledge_widening", "How the Monte Carlo widened judgements where knowledge is weak (empty: not at all)", r => r.KnowledgeWidening, (r, v) => r.KnowledgeWidening = v),
        readOnly: true);

    // A property, not a field: the kinds of other features live in other files of this partial class, whose
    // static fields are not guaranteed to be initialised before this one would be.
    public static IReadOnlyList<RecordKind> All => _all ??=
        [Interest, Criterion, Scale, Theme, Risk, Scenario, Actor, Organisation, Source, VitalProcess, CatalogueEntry, StixObject, Assessment, AnalysisRun,
         Measure, Goal, Indicator, ProgressUpdate, Council, CouncilMember, Meeting, AgendaItem, Decision, FollowUpAction, CouncilDocument,
         Signal, Feed, Trend, WarningIndicator, Observation, Alert, Dependency, Capability, Cycle, CycleAssignment, LikelihoodReview, Comment, Release, ScenarioFrame];

    private static IReadOnlyList<RecordKind>? _all;

    public static string AllowedNames => string.Join(", ", All.Select(k => k.Name));

    public static RecordKind? Find(string? name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase)
                             || string.Equals(k.Plural, name, StringComparison.OrdinalIgnoreCase));

    public static RecordKind? ForType(Type t) => All.FirstOrDefault(k => k.ClrType == t);

    private static string ValidJsonObject(string? v, string field)
    {
        if (string.IsNullOrWhiteSpace(v)) return "{}";
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(v, new System.Text.Json.JsonDocumentOptions { AllowDuplicateProperties = false });
            if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object) throw new System.Text.Json.JsonException();
            return v;
        }
        catch (System.Text.Json.JsonException)
        {
            throw new DomainValidationException(field, v, AllowedTexts.RegisterJsonObjectSuchYear);
        }
    }
}
