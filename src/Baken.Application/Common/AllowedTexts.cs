using Baken.Domain;

namespace Baken.Application.Common;

/// <summary>
/// The catalogue of what the use cases allow, one text per rule, grouped by feature: each a stable key (translated in
/// the hosts' resources) with its English text, which the CLI and the API show word for word. Rules that belong to one
/// type (a record field's parser, a classification) keep their text next to it; the catalogue test finds both.
/// </summary>
public static class AllowedTexts
{
    // analysis
    public static readonly MessageTemplate AnalysisOfficialRunRegisterS = new("allowed.analysis.officialrunregisters", "an official run of the register's validated assessments, not of a file");

    /// <summary>The not-founds that many use cases share (a run or a scenario named by code that is not there, or hidden).</summary>
    public static readonly MessageTemplate NoAnalysisRun = new("allowed.analysis.norun", "No analysis run '{0}'.");
    public static readonly MessageTemplate NoScenario = new("allowed.assessments.noscenario", "No scenario '{0}'.");
    public static readonly MessageTemplate NoScenarioWithCode = new("allowed.assessments.noscenariowithcode", "No scenario with code '{0}'.");

    // assessments
    public static readonly MessageTemplate AssessmentsScenarioCodeNotAlready = new("allowed.assessments.scenariocodenotalready", "a scenario code that is not already in use");
    public static readonly MessageTemplate AssessmentsAssessmentCodeNotAlready = new("allowed.assessments.assessmentcodenotalready", "an assessment code that is not already in use");
    public static readonly MessageTemplate AssessmentsEachCriterionOnce = new("allowed.assessments.eachcriteriononce", "each criterion once");

    // capabilities
    public static readonly MessageTemplate CapabilitiesPhasePreventionPreparationResponse = new("allowed.capabilities.phasepreventionpreparationresponse", "a phase of prevention, preparation, response or recovery after '@'");
    public static readonly MessageTemplate CapabilitiesEachCapabilityPhaseOnce = new("allowed.capabilities.eachcapabilityphaseonce", "each capability (and phase) once");
    public static readonly MessageTemplate CapabilitiesEachCapabilityOnce = new("allowed.capabilities.eachcapabilityonce", "each capability once");
    public static readonly MessageTemplate CapabilitiesRaise14Levels = new("allowed.capabilities.raise14levels", "a raise of 1 to 4 levels");
    public static readonly MessageTemplate CapabilitiesCodeExistingCapability = new("allowed.capabilities.codeexistingcapability", "the code of an existing capability");
    public static readonly MessageTemplate CapabilitiesCapabilityCodeWithoutSpaces = new("allowed.capabilities.capabilitycodewithoutspaces", "a capability code without spaces before the level");

    // cascades
    public static readonly MessageTemplate CascadesAnalysisRunScoredParts = new("allowed.cascades.analysisrunscoredparts", "an analysis run that scored the parts ('baken analyse')");
    public static readonly MessageTemplate CascadesTwoMoreScenarioCodes = new("allowed.cascades.twomorescenariocodes", "two or more scenario codes");
    public static readonly MessageTemplate CascadesThemeCompoundScenarioSo = new("allowed.cascades.themecompoundscenarioso", "a theme on the compound scenario, so the analysis can place it (e.g. the theme of its most serious part)");
    public static readonly MessageTemplate CascadesInitialDisruptionsScenarioFirst = new("allowed.cascades.initialdisruptionsscenariofirst", "initial disruptions on the scenario first, e.g. '1: 24h'");
    public static readonly MessageTemplate CascadesCatalogueEntriesKindCascade = new("allowed.cascades.catalogueentrieskindcascade", "catalogue entries of kind cascade_impact (catalog/cascade_impact.json)");
    public static readonly MessageTemplate CascadesWhyAnalystSOwn = new("allowed.cascades.whyanalystsown", "why the analyst's own scores stand instead of the cascade's suggestion");

    // catalogue
    public static readonly MessageTemplate CatalogueLeastWeightAbove0 = new("allowed.catalogue.leastweightabove0", "at least one weight above 0 (the app normalises the rest)");
    public static readonly MessageTemplate CatalogueExistingFolderCatalogueJson = new("allowed.catalogue.existingfoldercataloguejson", "an existing folder of catalogue JSON files");
    public static readonly MessageTemplate CatalogueObjectItemsArray = new("allowed.catalogue.objectitemsarray", "an object with an \"items\" array");
    public static readonly MessageTemplate CatalogueObjectCode = new("allowed.catalogue.objectcode", "an object with a \"code\"");
    public static readonly MessageTemplate CatalogueWellFormedJson = new("allowed.catalogue.wellformedjson", "well-formed JSON");

    // comments
    public static readonly MessageTemplate CommentsCommentNotEmpty = new("allowed.comments.commentnotempty", "a comment that is not empty");

    // councils
    public static readonly MessageTemplate CouncilsFileContent = new("allowed.councils.filecontent", "a file with content");
    public static readonly MessageTemplate CouncilsFileName1200 = new("allowed.councils.filename1200", "a file name of 1–200 characters without control characters");
    public static readonly MessageTemplate CouncilsRequiredTextMost400 = new("allowed.councils.requiredtextmost400", "required text of at most 400 characters without control characters");
    public static readonly MessageTemplate CouncilsDateYyyyMmDd = new("allowed.councils.dateyyyymmdd", "a date as yyyy-MM-dd");

    // files
    public static readonly MessageTemplate FilesJsonObject = new("allowed.files.jsonobject", "a JSON object");

    // foresight
    public static readonly MessageTemplate Foresight1234 = new("allowed.foresight.1234", "1, 2, 3 or 4");

    // jobs
    public static readonly MessageTemplate JobsTableHeaderRowLeast = new("allowed.jobs.tableheaderrowleast", "a table with a header row and at least one assessment row");
    public static readonly MessageTemplate JobsHtmlDocx = new("allowed.jobs.htmldocx", "html or docx");
    public static readonly MessageTemplate JobsNlEn = new("allowed.jobs.nlen", "nl or en");
    public static readonly MessageTemplate JobsYear19882100 = new("allowed.jobs.year19882100", "a year from 1988 to 2100");
    public static readonly MessageTemplate JobsEu27Iso3CodeEu = new("allowed.jobs.eu27iso3codeeu", "EU27, an ISO3 code of an EU member or a 3-digit BACI country code");

    // operations
    public static readonly MessageTemplate OperationsFileDoesNotExist = new("allowed.operations.filedoesnotexist", "a file that does not exist yet (a backup never overwrites one).");
    public static readonly MessageTemplate OperationsPathExistingFolder = new("allowed.operations.pathexistingfolder", "a path in an existing folder.");

    // register
    public static readonly MessageTemplate Register1More = new("allowed.register.1more", "1 or more");
    public static readonly MessageTemplate RegisterCodeNotAlreadyUse = new("allowed.register.codenotalreadyuse", "a code that is not already in use");
    public static readonly MessageTemplate RegisterLowMediumHigh = new("allowed.register.lowmediumhigh", "low, medium or high");
    public static readonly MessageTemplate RegisterJsonObjectSuchYear = new("allowed.register.jsonobjectsuchyear", "a JSON object such as {\"year\": 2021}");

    // signals
    public static readonly MessageTemplate SignalsStixMarkingLevel = new("allowed.signals.stixmarkinglevel", "the classification level of catalogue entry {0}: {1}");
    public static readonly MessageTemplate SignalsCodeAnotherSignalThis = new("allowed.signals.codeanothersignalthis", "the code of another signal this one duplicates");
    public static readonly MessageTemplate SignalsWholeNumberYears0 = new("allowed.signals.wholenumberyears0", "a whole number of years from 0 to 100, or empty");
    public static readonly MessageTemplate SignalsNumberAbove1Empty = new("allowed.signals.numberabove1empty", "a number above 1, or empty");
    public static readonly MessageTemplate SignalsFiniteNumber = new("allowed.signals.finitenumber", "a finite number");
    public static readonly MessageTemplate SignalsMost400CharactersTags = new("allowed.signals.most400characterstags", "at most 400 characters of tags");
    public static readonly MessageTemplate SignalsHttpHttpsUrlFeed = new("allowed.signals.httphttpsurlfeed", "an http or https URL (a feed file is taken in with 'signals import')");
    public static readonly MessageTemplate SignalsCsvJsonXlsxXml = new("allowed.signals.csvjsonxlsxxml", "a .csv, .json, .xlsx, .xml, .rss or .atom file");

    // strategy
    public static readonly MessageTemplate StrategyOtherMeasuresThanThis = new("allowed.strategy.othermeasuresthanthis", "other measures than this one");
    public static readonly MessageTemplate StrategyMeasuresThisDoesNot = new("allowed.strategy.measuresthisdoesnot", "measures this one does not also require");
    public static readonly MessageTemplate StrategyIndicatorWhoseValueGiven = new("allowed.strategy.indicatorwhosevaluegiven", "the indicator whose value is given");
    public static readonly MessageTemplate StrategyEuros01e13 = new("allowed.strategy.euros01e13", "euros from 0 to 1E+13, or empty");
    public static readonly MessageTemplate StrategyEachCriterionOncePer = new("allowed.strategy.eachcriteriononceper", "each criterion once per scenario");

    // users
    public static readonly MessageTemplate UsersCompartmentsYouHoldYourself = new("allowed.users.compartmentsyouholdyourself", "compartments you hold yourself");
    public static readonly MessageTemplate UsersYourOwnRolesAdministrator = new("allowed.users.yourownrolesadministrator", "your own roles with Administrator still in them (another administrator can take it away)");
    public static readonly MessageTemplate UsersYourCurrentPassword = new("allowed.users.yourcurrentpassword", "your current password");
    public static readonly MessageTemplate UsersPasswordDifferentCurrent = new("allowed.users.passworddifferentcurrent", "a password different from the current one");
    public static readonly MessageTemplate UsersName1100Characters = new("allowed.users.name1100characters", "a name of 1 to 100 characters");
    public static readonly MessageTemplate UsersUserNameNotTaken = new("allowed.users.usernamenottaken", "a user name that is not taken");
    public static readonly MessageTemplate UsersNoPasswordServiceAccount = new("allowed.users.nopasswordserviceaccount", "no password for a service account.");

    // workflow
    public static readonly MessageTemplate WorkflowMoreUserNamesSeparated = new("allowed.workflow.moreusernamesseparated", "one or more user names separated by ';'");
    public static readonly MessageTemplate WorkflowUserNameBakenUser = new("allowed.workflow.usernamebakenuser", "the user name of a Baken user");
    public static readonly MessageTemplate WorkflowNoChangeRevised = new("allowed.workflow.nochangerevised", "no-change or revised");
    public static readonly MessageTemplate WorkflowTitleNotEmpty = new("allowed.workflow.titlenotempty", "a title that is not empty");
    public static readonly MessageTemplate WorkflowMoreScenarioCodesSeparated = new("allowed.workflow.morescenariocodesseparated", "one or more scenario codes separated by ';'");
    public static readonly MessageTemplate WorkflowCurrentValueItSet = new("allowed.workflow.currentvalueitset", "the current value; it is set by the workflow");
    public static readonly MessageTemplate WorkflowSubmittedAssessmentFrozenUntil = new("allowed.workflow.submittedassessmentfrozenuntil", "A submitted assessment is frozen until a coordinator returns it.");
    public static readonly MessageTemplate WorkflowNewReasonChangingValidated = new("allowed.workflow.newreasonchangingvalidated", "a new reason for changing a validated assessment (the change makes a new draft version).");
    public static readonly MessageTemplate WorkflowNewReasonRevisingAssessment = new("allowed.workflow.newreasonrevisingassessment", "a new reason for revising the assessment in round 2 (every revision after the blind round says why).");
    public static readonly MessageTemplate WorkflowCommentsAnalystWhyIt = new("allowed.workflow.commentsanalystwhyit", "the comments for the analyst: why it is returned");

    // Rules with arguments (codes, numbers, names) and texts shared by several features
    public static readonly MessageTemplate Kinds = new("allowed.register.kinds", "{0}");
    public static readonly MessageTemplate Clearance = new("allowed.common.clearance", "at most your clearance ({0}) and only compartments you hold");
    public static readonly MessageTemplate OwnClearance = new("allowed.common.ownclearance", "at most your own clearance ({0})");
    public static readonly MessageTemplate RegisterPageSize = new("allowed.register.pagesize", "1 to {0}");
    public static readonly MessageTemplate RegisterFieldOf = new("allowed.register.fieldof", "a field of {0}: {1}");
    public static readonly MessageTemplate RegisterSort = new("allowed.register.sort", "code or a field of {0}");
    public static readonly MessageTemplate RegisterCodeOnLine = new("allowed.register.codeonline", "a code not already used on line {0} of this file");
    public static readonly MessageTemplate RegisterQualifiedCodes = new("allowed.register.qualifiedcodes", "references written kind:code separated by ';', kind one of {0}");
    public static readonly MessageTemplate RegisterAudience = new("allowed.register.audience", "public (Ongerubriceerd, no compartments, publishable records only), internal (what you may see), or a marking such as 'Stg.G // NUC, CYB'");
    public static readonly MessageTemplate RegisterNoCompartments = new("allowed.register.nocompartments", "no compartments are defined yet (an administrator adds them with 'baken user add --compartments')");
    public static readonly MessageTemplate RegisterCompartments = new("allowed.register.compartments", "codes of defined compartments separated by ';' ({0})");
    public static readonly MessageTemplate JobsFiles = new("allowed.jobs.files", Jobs.TradeScreenParameters.AllowedFiles);
    public static readonly MessageTemplate JobsCriteria = new("allowed.jobs.criteria", Jobs.TradeScreenParameters.AllowedCriteria);
    public static readonly MessageTemplate AssessmentsTheme = new("allowed.assessments.theme", "a theme code or name of the catalogue: {0}");
    public static readonly MessageTemplate CommentsLength = new("allowed.comments.length", "at most {0} characters");
    public static readonly MessageTemplate CommentsMarking = new("allowed.comments.marking", "at least the marking of {0} ({1}): a comment is marked as high as what it discusses");
    public static readonly MessageTemplate CommentsReplyTo = new("allowed.comments.replyto", "the code of a comment on scenario {0}");
    public static readonly MessageTemplate CouncilsFileSize = new("allowed.councils.filesize", "a file of at most {0:N0} bytes");
    public static readonly MessageTemplate CouncilsPaperLevel = new("allowed.councils.paperlevel", "at least the agenda item's classification ({0}) and its compartments");
    public static readonly MessageTemplate CouncilsInvitedLevel = new("allowed.councils.invitedlevel", "council members cleared for the meeting's level {0} ({1} holds {2})");
    public static readonly MessageTemplate CouncilsInvitedCompartments = new("allowed.councils.invitedcompartments", "council members holding the compartments of the items on the agenda ({0} lacks {1})");
    public static readonly MessageTemplate CouncilsMeetingLevel = new("allowed.councils.meetinglevel", "at least the level of the items on its agenda ({0})");
    public static readonly MessageTemplate CouncilsItemLevel = new("allowed.councils.itemlevel", "a meeting whose security level ({0}) is at least the item's classification ({1})");
    public static readonly MessageTemplate CouncilsItemCouncil = new("allowed.councils.itemcouncil", "a meeting of the item's council {0}");
    public static readonly MessageTemplate CouncilsItemCompartments = new("allowed.councils.itemcompartments", "a meeting whose invitees all hold the item's compartments {0} (not held by {1})");
    public static readonly MessageTemplate SignalsOneOfOrEmpty = new("allowed.signals.oneoforempty", "one of {0}, or empty");
    public static readonly MessageTemplate SignalsTags = new("allowed.signals.tags", "kind:value with kind one of {0}");
    public static readonly MessageTemplate SignalsRisingRed = new("allowed.signals.risingred", "a red threshold above the amber one for a rising indicator");
    public static readonly MessageTemplate SignalsFallingRed = new("allowed.signals.fallingred", "a red threshold below the amber one for a falling indicator");
    public static readonly MessageTemplate CascadesScoredIn = new("allowed.cascades.scoredin", "scenarios scored in {0}");
    public static readonly MessageTemplate CascadesDisruptionHours = new("allowed.cascades.disruptionhours", "{0}; hours from more than 0 to 8760");
    public static readonly MessageTemplate CascadesDisruptionSeverity = new("allowed.cascades.disruptionseverity", "{0}; a severity above 0 and at most 1");
    public static readonly MessageTemplate CascadesDisruptions = new("allowed.cascades.disruptions", Cascades.ScenarioDisruptions.Allowed);
    public static readonly MessageTemplate CatalogueInterestCodes = new("allowed.catalogue.interestcodes", "interest codes: {0}");
    public static readonly MessageTemplate CatalogueCriterionCodes = new("allowed.catalogue.criterioncodes", "criterion codes: {0}");
    public static readonly MessageTemplate CatalogueWeight = new("allowed.catalogue.weight", "a number from 0 to {0}");
    public static readonly MessageTemplate UsersMaxCompartments = new("allowed.users.maxcompartments", "at most {0} compartments in all");
    public static readonly MessageTemplate UsersDays = new("allowed.users.tokendays", "1 to {0} days (none: {0})");
    public static readonly MessageTemplate WorkflowCycleScenario = new("allowed.workflow.cyclescenario", "a scenario of the cycle: {0}");
    public static readonly MessageTemplate WorkflowClearedAnalyst = new("allowed.workflow.clearedanalyst", "a user cleared for the scenario ({0} and its compartments)");
    public static readonly MessageTemplate WorkflowDue = new("allowed.workflow.due", "a date on or before the cycle's deadline ({0})");
    public static readonly MessageTemplate WorkflowRevised = new("allowed.workflow.revised", "the code of the revised assessment of scenario {0} (e.g. {0}.analyst)");
    public static readonly MessageTemplate WorkflowStatus = new("allowed.workflow.status", "'{0}' (the current status); it changes only through 'assessments submit', 'return' or 'validate'");
    public static readonly MessageTemplate ForesightWorld = new("allowed.foresight.world", "a world without a scenario (this one became {0})");
    public static readonly MessageTemplate CapabilitiesNeeds = new("allowed.capabilities.needs", Capabilities.CapabilityLevels.NeedsAllowed);
    public static readonly MessageTemplate CapabilitiesHoldings = new("allowed.capabilities.holdings", Capabilities.CapabilityLevels.HoldingsAllowed);
    public static readonly MessageTemplate CapabilitiesRaises = new("allowed.capabilities.raises", Capabilities.CapabilityLevels.RaisesAllowed);
    public static readonly MessageTemplate CapabilitiesLevel = new("allowed.capabilities.level", "a level from 0 to {0}");
    public static readonly MessageTemplate FilesCells = new("allowed.files.cells", "{0} cells, one per header column");
    public static readonly MessageTemplate FilesZipEntries = new("allowed.files.zipentries", "an XLSX file of at most {0:N0} parts (setting {1})");
    public static readonly MessageTemplate FilesWellFormedXlsx = new("allowed.files.wellformedxlsx", "a well-formed XLSX file ({0})");
    public static readonly MessageTemplate SignalsReadableXlsx = new("allowed.signals.readablexlsx", "a readable XLSX workbook ({0})");
    public static readonly MessageTemplate OperationsNotABackup = new("allowed.operations.notabackup", "a Baken backup made by 'baken db backup' of the configured database; not restored: {0}. Nothing was changed.");
    public static readonly MessageTemplate DemoRecords = new("allowed.common.demorecords", "Demo {0} records: {1}");
    public static readonly MessageTemplate ProblemsMore = new("allowed.common.problemsmore", "The first {0} of {1:N0} problems are listed; fix them and try again to see the rest.");
    public static readonly MessageTemplate AssessmentsScores = new("allowed.assessments.scores", Assessments.ScoreList.Allowed);
    public static readonly MessageTemplate AssessmentsKnowledge = new("allowed.assessments.knowledge", Assessments.KnowledgePedigree.Allowed);
    public static readonly MessageTemplate StrategyEffects = new("allowed.strategy.effects", Strategy.MeasureEffectText.Allowed);
    public static readonly MessageTemplate StrategyEffectsBecause = new("allowed.strategy.effectsbecause", "{0} ({1})");
    public static readonly MessageTemplate CascadesDependence = new("allowed.cascades.dependence", Cascades.CompoundScenarioScoring.DependenceAllowed);
    public static readonly MessageTemplate AssessmentFileType = new("allowed.assessmentfile.type", "Unknown file type: use .csv or .xlsx.");
    public static readonly MessageTemplate AssessmentFileAllowed = new("allowed.assessmentfile.allowed", "Allowed: {0}.");
    public static readonly MessageTemplate AnalysisOneVisible = new("allowed.analysis.onevisible", "at least one assessment you may see");
    public static readonly MessageTemplate AnalysisOneVisibleAt = new("allowed.analysis.onevisibleat", "at least one assessment you may see at {0}");
    public static readonly MessageTemplate AnalysisNothingYet = new("allowed.analysis.nothingyet",
        "There is nothing to analyse yet: the register holds no {0}. Import the analysts' assessment file ('baken assessments import FILE', or the page /assessments/import), " +
        "or load the fictional demonstration data ('baken demo', or the button on the dashboard for an administrator).");
    public static readonly MessageTemplate AnalysisNoAssessment = new("allowed.analysis.noassessment", "assessment you may see");
    public static readonly MessageTemplate AnalysisNoCriteria = new("allowed.analysis.nocriteria",
        "impact criteria you may see in the catalogue; load the catalogue first ('baken catalog import')");
    public static readonly MessageTemplate AnalysisNoAssessmentAt = new("allowed.analysis.noassessmentat", "assessment you may see at {0}");
    public static readonly MessageTemplate AnalysisNoValidated = new("allowed.analysis.novalidated", "validated assessment you may see");
    public static readonly MessageTemplate AnalysisNoValidatedAt = new("allowed.analysis.novalidatedat", "validated assessment you may see at {0}");
    public static readonly MessageTemplate CouncilsPublicMeeting = new("allowed.councils.publicmeeting", "a meeting that is Ongerubriceerd, without compartments and marked publishable (set publishable on the meeting first)");
    public static readonly MessageTemplate CommentsCriterion = new("allowed.comments.criterion", "the code of an impact criterion of the catalogue ({0}), or empty for the scenario as a whole");
    public static readonly MessageTemplate ReleasesAudienceCleared = new("allowed.releases.audiencecleared", "an audience cleared for the product's marking {0}");
    public static readonly MessageTemplate ReleasesSectionWithheld = new("allowed.releases.sectionwithheld",
        "a section without the code or title of a record the audience {0} may not see ({1} {2}); the release was refused and nothing was stored.");
    public static readonly MessageTemplate WorkflowConvergenceRound = new("allowed.workflow.convergenceround",
        "{0} (the convergence round; a cycle starts in round {1}, the blind round, and a round never goes back)");
    public static readonly MessageTemplate CouncilsAudienceMeeting = new("allowed.councils.audiencemeeting", "a meeting the audience {0} may see");

    // refusals, conflicts and not-founds of single use cases (#17)
    public static readonly MessageTemplate DemoAdministratorOnly = new("allowed.demo.administratoronly", "Only an administrator can load the demonstration data.");
    public static readonly MessageTemplate DemoRegisterNotEmpty = new("allowed.demo.registernotempty", "The register already holds scenarios; the demonstration data loads only into an empty register (start with a fresh database, e.g. another --database).");
    public static readonly MessageTemplate DemoUserExists = new("allowed.demo.userexists", "The user '{0}' already exists; the demonstration data loads only into a fresh install.");
    public static readonly MessageTemplate TokensNotWithToken = new("allowed.tokens.notwithtoken", "Tokens are managed from a signed-in session or the command line, not with another token.");
    public static readonly MessageTemplate TokensNeedsRole = new("allowed.tokens.needsrole", "To manage tokens needs one of the roles {0}.");
    public static readonly MessageTemplate TokensOwnerOrAdministrator = new("allowed.tokens.owneroradministrator", "Only the account's owner, or an administrator within reach, manages its tokens.");
    public static readonly MessageTemplate TokensOwnTokens = new("allowed.tokens.owntokens", "'{0}' mints their own tokens; an administrator mints tokens only for a service account (one without a password).");
    public static readonly MessageTemplate OperationsBackupAdministratorOnly = new("allowed.operations.backupadministratoronly", "Only an administrator can back up the database: a backup holds every record at every classification.");
    public static readonly MessageTemplate OperationsRestoreAdministratorOnly = new("allowed.operations.restoreadministratoronly", "Only an administrator can restore the database: a restore replaces every record and account.");
    public static readonly MessageTemplate CatalogueEditors = new("allowed.catalogue.editors", "Only administrators and coordinators edit the catalogue.");
    public static readonly MessageTemplate CatalogueNoProfile = new("allowed.catalogue.noprofile", "No profile '{0}'.");
    public static readonly MessageTemplate CommentsNoComment = new("allowed.comments.nocomment", "No comment '{0}'.");
    public static readonly MessageTemplate CommentsChangedSince = new("allowed.comments.changedsince", "Comment '{0}' is at version {1}, not {2}: it was changed since you read it.");
    public static readonly MessageTemplate StrategyNoGoals = new("allowed.strategy.nogoals", "No goals of edition '{0}'.");
    public static readonly MessageTemplate StrategyEditionHasGoals = new("allowed.strategy.editionhasgoals", "Edition '{0}' has goals already; edit them, or choose another name.");
    public static readonly MessageTemplate ReleasesNoRelease = new("allowed.releases.norelease", "No release '{0}'.");
    public static readonly MessageTemplate JobsNoJob = new("allowed.jobs.nojob", "No job {0} of yours.");
    public static readonly MessageTemplate JobsNoOutput = new("allowed.jobs.nooutput", "No finished job {0} of yours with a file.");
    public static readonly MessageTemplate JobsNotCancellable = new("allowed.jobs.notcancellable", "The job is already {0}; only a waiting or running job can be cancelled.");

    /// <summary>Each job state's word, English as the job's state in lower case.</summary>
    public static readonly IReadOnlyDictionary<Domain.Jobs.JobState, MessageTemplate> JobState = Enum.GetValues<Domain.Jobs.JobState>()
        .ToDictionary(s => s, s => new MessageTemplate($"allowed.jobs.state.{s.ToString().ToLowerInvariant()}", s.ToString().ToLowerInvariant()));

    public static readonly MessageTemplate CouncilsNoMeeting = new("allowed.councils.nomeeting", "No meeting '{0}'.");
    public static readonly MessageTemplate CouncilsNoAgendaItem = new("allowed.councils.noagendaitem", "No agenda item '{0}'.");
    public static readonly MessageTemplate CouncilsNoPaper = new("allowed.councils.nopaper", "No paper '{0}'.");
    public static readonly MessageTemplate CouncilsPaperExists = new("allowed.councils.paperexists", "A paper with code '{0}' exists already; give another code.");
    public static readonly MessageTemplate SignalsNoSignal = new("allowed.signals.nosignal", "No signal '{0}'.");
    public static readonly MessageTemplate WorkflowNoAlert = new("allowed.workflow.noalert", "No alert '{0}'.");
    public static readonly MessageTemplate WorkflowAlertReviewedOnce = new("allowed.workflow.alertreviewedonce", "Alert '{0}' is {1}; a review is opened once.");

    /// <summary>Each alert status's word ("review opened"), English as the alerts page writes it.</summary>
    public static readonly IReadOnlyDictionary<Domain.Signals.AlertStatus, MessageTemplate> AlertStatus = new Dictionary<Domain.Signals.AlertStatus, MessageTemplate>
    {
        [Domain.Signals.AlertStatus.Open] = new("allowed.workflow.alertstatus.open", "open"),
        [Domain.Signals.AlertStatus.Acknowledged] = new("allowed.workflow.alertstatus.acknowledged", "acknowledged"),
        [Domain.Signals.AlertStatus.ReviewOpened] = new("allowed.workflow.alertstatus.reviewopened", "review opened"),
        [Domain.Signals.AlertStatus.Closed] = new("allowed.workflow.alertstatus.closed", "closed"),
    };

    public static readonly MessageTemplate CascadesNoAssessment = new("allowed.cascades.noassessment", "No assessment '{0}' of scenario '{1}'.");
    public static readonly MessageTemplate CascadesAcceptOwnOrCoordinator = new("allowed.cascades.acceptownorcoordinator", "Only analyst '{0}' or a coordinator may accept suggestions into assessment '{1}'.");
    public static readonly MessageTemplate CascadesOwnJudgement = new("allowed.cascades.ownjudgement",
        "Assessment '{0}' holds analyst '{1}''s own judgement beside the suggestion: {2}. Nothing was written: replace the own judgement explicitly (--replace), or keep it with a reason (--override).");
    public static readonly MessageTemplate CascadesOwnBesideSuggested = new("allowed.cascades.ownbesidesuggested", "{0}: own '{1}', suggested {2} ({3:N0} {4})");
    public static readonly MessageTemplate OperationsNoBackupFile = new("allowed.operations.nobackupfile", "FILE: '{0}' does not exist.");

    /// <summary>Two parts of a list, separated as the list is in each language.</summary>
    public static readonly MessageTemplate ListOfTwo = new("allowed.common.listoftwo", "{0}; {1}");

    /// <summary>Catalogue texts as one list ("a; b; c"), each part rendered in the reader's language.</summary>
    public static ValidationMessage List(IReadOnlyList<ValidationMessage> parts) =>
        parts.Count == 0 ? ValidationMessage.Verbatim("") : parts.Skip(1).Aggregate(parts[0], (list, next) => ListOfTwo.With(list, next));
}
