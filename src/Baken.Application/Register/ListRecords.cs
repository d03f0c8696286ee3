using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Register;

/// <param name="Search">Matched against code and title/name (case-insensitive where the database allows).</param>
/// <param name="Filters">Field name → exact value (e.g. kind=threat, theme=T4).</param>
public sealed record ListRecordsRequest(string Kind, string? Search = null, IReadOnlyDictionary<string, string>? Filters = null,
    ClassificationLevel? Classification = null, int Page = 1, int PageSize = 50, string? Sort = null, bool Descending = false);

public sealed record RecordPage(string Kind, int Page, int PageSize, int Total, IReadOnlyList<RecordView> Items);

/// <summary>Lists records of one kind, as far as the caller may see them. Counts only count what the caller may see.</summary>
public sealed class ListRecords(IBakenDb db)
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// The codes of each kind the caller may see, in natural order (at most <see cref="MaxPageSize"/> per kind): what a
    /// page's filters offer as choices. One statement for all kinds (UNION ALL of one part per kind, each reading only the
    /// codes from its list index), not one per kind: the register page is the request made most often.
    /// </summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> CodesAsync(IEnumerable<string> kindNames, CancellationToken ct = default)
    {
        var kinds = kindNames.Select(RecordKinds.Find).OfType<RecordKind>().DistinctBy(k => k.Name).ToList();
        return db.RememberedAsync("codes:" + string.Join(',', kinds.Select(k => k.Name)), c => ReadCodesAsync(kinds, c), ct);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadCodesAsync(List<RecordKind> kinds, CancellationToken ct)
    {
        var codes = kinds.ToDictionary(k => k.Name, _ => new List<string>(), StringComparer.Ordinal);
        IQueryable<KindCode>? union = null;
        foreach (var kind in kinds)
        {
            var name = kind.Name;
            var part = kind.Query(db).AsNoTracking().OrderBy(r => r.SortKey).Take(MaxPageSize).Select(r => new KindCode { Kind = name, Code = r.Code, SortKey = r.SortKey });
            union = union is null ? part : union.Concat(part);
        }
        // UNION ALL promises no order: each kind's codes are put back in the order of their sort keys here.
        if (union is not null)
            foreach (var row in (await union.ToListAsync(ct)).OrderBy(r => r.SortKey, StringComparer.Ordinal)) codes[row.Kind].Add(row.Code);
        return codes.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value, StringComparer.Ordinal);
    }

    // Built by member initialisation, not a constructor: EF Core translates the former on both sides of a UNION, not the latter.
    private sealed class KindCode
    {
        public string Kind { get; init; } = "";
        public string Code { get; init; } = "";
        public string SortKey { get; init; } = "";
    }

    public async Task<Result<RecordPage>> HandleAsync(ListRecordsRequest request, CancellationToken ct = default)
    {
        if (RecordKinds.Find(request.Kind) is not { } kind)
            return Result<RecordPage>.Invalid(new FieldError("kind", request.Kind, AllowedTexts.Kinds.With(RecordKinds.AllowedNames)));
        if (request.Page < 1) return Result<RecordPage>.Invalid(new FieldError("page", request.Page.ToString(System.Globalization.CultureInfo.InvariantCulture), AllowedTexts.Register1More));
        if (request.PageSize is < 1 or > MaxPageSize)
            return Result<RecordPage>.Invalid(new FieldError("pageSize", request.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), AllowedTexts.RegisterPageSize.With(MaxPageSize)));

        var noFieldFilters = request.Filters is null || request.Filters.Count == 0;
        if (noFieldFilters && (request.Sort is null or "code" || request.Sort == kind.TitleField))
            return Result<RecordPage>.Ok(await PageInDatabaseAsync(kind, request, ct));

        // Filters on arbitrary fields (parsed by the kind's own field readers) run in memory, after the database has
        // applied the clearance filter. A filter on a typed code list is asked of the database first, so only the records
        // holding the code are read; the exact comparison below (with withheld codes masked) then decides as before.
        var query = kind.Query(db).AsNoTracking();
        foreach (var (name, value) in request.Filters ?? new Dictionary<string, string>())
            if (kind.Field(name) is { IsCodeList: true } list && value != RecordReferences.Withheld)
                query = query.Where(CodeListQueries.HoldsIgnoringCase(list.Property!, value));
        var all = await query.ToListAsync(ct);
        // Filters and sorting see what the page shows: a reference to a record the reader may not see reads as withheld,
        // so filtering on a hidden code finds nothing.
        var mask = await RecordReferences.MaskAsync(db, kind, all, ct);
        IEnumerable<Record> rows = all;
        if (request.Classification is { } level) rows = rows.Where(r => r.ClassificationLevel == level);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim();
            rows = rows.Where(r => r.Code.Contains(term, StringComparison.OrdinalIgnoreCase)
                                   || kind.Title(r).Contains(term, StringComparison.OrdinalIgnoreCase));
        }
        foreach (var (name, value) in request.Filters ?? new Dictionary<string, string>())
        {
            if (kind.Field(name) is not { } field)
                return Result<RecordPage>.Invalid(new FieldError(name, value, AllowedTexts.RegisterFieldOf.With(kind.Name, string.Join(", ", kind.Fields.Select(f => f.Name)))));
            rows = rows.Where(r => (mask(field, field.Get(r)) ?? "").Split(';').Contains(value, StringComparer.OrdinalIgnoreCase));
        }
        var sortField = request.Sort is null || request.Sort == "code" ? null : kind.Field(request.Sort);
        if (request.Sort is not null && request.Sort != "code" && sortField is null)
            return Result<RecordPage>.Invalid(new FieldError("sort", request.Sort, AllowedTexts.RegisterSort.With(kind.Name)));
        Func<Record, string> key = sortField is null ? r => r.Code : r => mask(sortField, sortField.Get(r)) ?? "";
        var ordered = (request.Descending ? rows.OrderByDescending(key, NaturalComparer.Instance) : rows.OrderBy(key, NaturalComparer.Instance)).ToList();

        var skipped = Skipped(request);
        var pageRows = skipped >= ordered.Count ? [] : ordered.Skip((int)skipped).Take(request.PageSize).ToList();
        var compartments = await CompartmentDirectory.ForAsync(db, pageRows, ct);
        var items = pageRows.Select(r => RecordView.From(kind, r, compartments, mask)).ToList();
        return Result<RecordPage>.Ok(new RecordPage(kind.Name, request.Page, request.PageSize, ordered.Count, items));
    }

    /// <summary>
    /// The common case — search, classification and ordering by code or title — done in SQL: only one page of rows
    /// is read, counted and sorted by the database (codes by their natural sort key), so lists stay fast at 10,000s of records.
    /// </summary>
    private async Task<RecordPage> PageInDatabaseAsync(RecordKind kind, ListRecordsRequest request, CancellationToken ct)
    {
        var query = kind.Query(db).AsNoTracking();
        if (request.Classification is { } level) query = query.Where(r => r.ClassificationLevel == level);
        var term = string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim().ToLower();
        if (term is not null) query = db.Search(query, kind.TitleProperty, term);
        var byTitle = request.Sort == kind.TitleField && request.Sort != "code";
        // Sort keys fold case and leading zeros ("S-9" and "S-09" share one), so the code breaks their ties: every order
        // is total, and a page never repeats or loses a row at its edge.
        Func<IQueryable<Record>, IQueryable<Record>> order = byTitle
            ? q => request.Descending
                ? q.OrderByDescending(r => EF.Property<string>(r, kind.TitleProperty)).ThenByDescending(r => r.SortKey).ThenByDescending(r => r.Code)
                : q.OrderBy(r => EF.Property<string>(r, kind.TitleProperty)).ThenBy(r => r.SortKey).ThenBy(r => r.Code)
            : q => request.Descending ? q.OrderByDescending(r => r.SortKey).ThenByDescending(r => r.Code) : q.OrderBy(r => r.SortKey).ThenBy(r => r.Code);
        // The count is the same for every page of a list or a search: asked again only once the register changed (a very
        // long search term is not kept). It walks the list index, as the page does; the page stops after its rows.
        var total = term is { Length: > MaxRememberedTerm }
            ? await query.CountAsync(ct)
            : await db.RememberedAsync($"count:{kind.Name}:{request.Classification}:{term}", query.CountAsync, ct);
        var skipped = Skipped(request);
        List<Record> rows;
        if (skipped >= total) rows = [];
        else if (skipped == 0) rows = await order(query).Take(request.PageSize).ToListAsync(ct);
        else if (!byTitle && term is null && skipped >= AnchorStep && total <= MaxAnchoredRows
                 && await AnchorAsync(kind, request, order(query), skipped, ct) is { } anchor)
        {
            // A deep page of the list in code order starts at its anchor (the sort key of a row at a multiple of
            // AnchorStep, kept until the register changes) and skips fewer than AnchorStep rows from there.
            var from = anchor.SortKey;
            var skip = anchor.TiesBefore + (int)(skipped % AnchorStep);
            var size = request.PageSize;
            var fromAnchor = request.Descending
                ? query.Where(r => string.Compare(r.SortKey, from) <= 0)
                : query.Where(r => string.Compare(r.SortKey, from) >= 0);
            rows = await order(fromAnchor).Skip(skip).Take(size).ToListAsync(ct);
        }
        else
        {
            // A page of a search, of the list by title, or near the start: by offset. Offset and size are parameters of
            // one SQL text for every page.
            var size = request.PageSize;
            var skip = (int)skipped; // below the total, so within int
            rows = await order(query).Skip(skip).Take(size).ToListAsync(ct);
        }
        var mask = await RecordReferences.MaskAsync(db, kind, rows, ct);
        var compartments = await CompartmentDirectory.ForAsync(db, rows, ct);
        return new RecordPage(kind.Name, request.Page, request.PageSize, total, rows.Select(r => RecordView.From(kind, r, compartments, mask)).ToList());
    }

    /// <summary>
    /// The anchor of a deep page: the sort key of the row at the last multiple of <see cref="AnchorStep"/> before it, and
    /// how many rows with that same key come before that row in the list's order (sort keys fold case and leading zeros,
    /// so "S-9" and "S-09" share one). The anchors of a list are read once per register version and reader (one read of
    /// its sort keys); after that a page at offset 5,000 reads about 50 rows instead of walking 5,000. Null when the
    /// register changed between the count and the anchors (the caller pages by offset then).
    /// </summary>
    private async Task<Anchor?> AnchorAsync(RecordKind kind, ListRecordsRequest request, IQueryable<Record> ordered, long skipped, CancellationToken ct)
    {
        var anchors = await db.RememberedAsync($"anchors:{kind.Name}:{request.Classification}:{request.Descending}",
            c => AnchorsAsync(ordered, c), ct);
        var index = skipped / AnchorStep;
        return index < anchors.Count ? anchors[(int)index] : null;
    }

    private static async Task<IReadOnlyList<Anchor>> AnchorsAsync(IQueryable<Record> ordered, CancellationToken ct)
    {
        var keys = await ordered.Select(r => r.SortKey).ToListAsync(ct);
        var anchors = new List<Anchor>(keys.Count / AnchorStep + 1);
        var ties = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            ties = i > 0 && string.Equals(keys[i], keys[i - 1], StringComparison.Ordinal) ? ties + 1 : 0;
            if (i % AnchorStep == 0) anchors.Add(new Anchor(keys[i], ties));
        }
        return anchors;
    }

    private sealed record Anchor(string SortKey, int TiesBefore);

    /// <summary>Rows between two anchors: a deep page skips fewer than this many rows after its anchor.</summary>
    public const int AnchorStep = 50;

    /// <summary>Longer lists page by offset: their anchors would make one remembered answer too large.</summary>
    private const int MaxAnchoredRows = 200_000;

    /// <summary>The rows before the requested page, as a long: page × size can pass int's range (page=99999999).</summary>
    private static long Skipped(ListRecordsRequest request) => (long)(request.Page - 1) * request.PageSize;

    /// <summary>Search terms up to this length have their count remembered (a bound on what a typed term can make the node keep).</summary>
    private const int MaxRememberedTerm = 100;
}

/// <summary>Orders "2.10" after "2.9" and "S-10" after "S-9", as people expect codes to sort.</summary>
public sealed class NaturalComparer : IComparer<string>
{
    public static readonly NaturalComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        x ??= ""; y ??= "";
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsDigit(x[i]) && char.IsDigit(y[j]))
            {
                int si = i, sj = j;
                while (i < x.Length && char.IsDigit(x[i])) i++;
                while (j < y.Length && char.IsDigit(y[j])) j++;
                var a = x[si..i].TrimStart('0');
                var b = y[sj..j].TrimStart('0');
                var c = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                if (c != 0) return c;
            }
            else
            {
                var c = char.ToLowerInvariant(x[i]).CompareTo(char.ToLowerInvariant(y[j]));
                if (c != 0) return c;
                i++; j++;
            }
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }
}
