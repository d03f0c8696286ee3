using System.Globalization;
using System.Text.Json.Nodes;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Catalogue;

public sealed record ProfileWeight(string Key, string Name, string NameEn, double Weight);

/// <summary>A preference profile as its editor shows it: one weight per criterion (or per interest), 0 where the file names none.</summary>
public sealed record ProfileView(string Code, string Name, string NameEn, string WeightsBy, bool IsDefault, bool Indicative, int Version,
    IReadOnlyList<ProfileWeight> Weights);

/// <summary>
/// The preference profiles of the catalogue (catalogue entries of kind 'profiles', METHODS §1.3), for the administration page:
/// their weights are edited and one of them is made the default. Every change goes through <see cref="SaveRecord"/>, so it is
/// versioned, in the history and refused on a concurrent edit. Administrators and coordinators only.
/// </summary>
public sealed class CatalogueProfiles(IBakenDb db, ICurrentUser user, SaveRecord save)
{
    public const string Kind = "profiles";
    public const double MaxWeight = 1_000;

    private bool MayEdit => Permissions.Permission.MayAtAll(user, Permissions.PermissionMatrix.Catalogue, Permissions.PermissionAction.Edit);

    public async Task<Result<IReadOnlyList<ProfileView>>> ListAsync(CancellationToken ct = default)
    {
        if (!MayEdit) return Result<IReadOnlyList<ProfileView>>.Forbidden(AllowedTexts.CatalogueEditors);
        var criteria = await db.Criteria.AsNoTracking().Where(c => !c.Retired).ToListAsync(ct);
        var interests = await db.Interests.AsNoTracking().ToListAsync(ct);
        var entries = await db.CatalogueEntries.AsNoTracking().Where(e => e.Kind == Kind).ToListAsync(ct);
        return Result<IReadOnlyList<ProfileView>>.Ok(entries.OrderBy(e => e.Code, StringComparer.Ordinal).Select(e =>
        {
            var attributes = JsonNode.Parse(e.AttributesJson) as JsonObject ?? [];
            var byInterest = (string?)attributes["weights_by"] == "interest";
            var weights = attributes["weights"] as JsonObject ?? [];
            double WeightOf(string key) => weights[key] is JsonValue v && v.TryGetValue<double>(out var w) ? w : 0;
            var rows = byInterest
                ? interests.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => new ProfileWeight(i.Code, i.Name, i.NameEn, WeightOf(i.Code)))
                : criteria.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new ProfileWeight(c.Code, c.Name, c.NameEn, WeightOf(c.Code)));
            return new ProfileView(e.Code, e.Name, e.NameEn, byInterest ? "interest" : "criterion", attributes["default"] is JsonValue d && d.TryGetValue<bool>(out var isDefault) && isDefault,
                e.Indicative, e.Version, rows.ToList());
        }).ToList());
    }

    /// <summary>Replaces a profile's weights (as typed: invariant or Dutch decimals). Keys not offered by the editor are refused.</summary>
    public async Task<Result<ProfileView>> SaveWeightsAsync(string code, IReadOnlyDictionary<string, string> typed, int expectedVersion, CancellationToken ct = default)
    {
        var listed = await ListAsync(ct);
        if (!listed.IsOk) return Result<ProfileView>.Forbidden(listed.Said);
        if (listed.Value!.FirstOrDefault(p => p.Code == code) is not { } profile) return Result<ProfileView>.NotFound(AllowedTexts.CatalogueNoProfile.With(code));
        var errors = new List<FieldError>();
        var allowed = profile.Weights.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in typed.Keys.Where(k => !allowed.Contains(k)))
            errors.Add(new FieldError("weights", key, (profile.WeightsBy == "interest" ? AllowedTexts.CatalogueInterestCodes : AllowedTexts.CatalogueCriterionCodes).With(string.Join(", ", allowed))));
        var weights = new JsonObject();
        foreach (var row in profile.Weights)
        {
            var text = typed.TryGetValue(row.Key, out var t) ? t.Trim() : "0";
            if (text.Length == 0) text = "0";
            if (!double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w) || w < 0 || w > MaxWeight)
                errors.Add(new FieldError($"weights.{row.Key}", text, AllowedTexts.CatalogueWeight.With(MaxWeight.ToString("0", System.Globalization.CultureInfo.InvariantCulture))));
            else weights[row.Key] = w;
        }
        if (errors.Count == 0 && weights.All(w => w.Value!.GetValue<double>() == 0))
            errors.Add(new FieldError("weights", "all 0", AllowedTexts.CatalogueLeastWeightAbove0));
        if (errors.Count > 0) return Result<ProfileView>.Invalid(errors);

        var entry = await db.CatalogueEntries.AsNoTracking().FirstAsync(e => e.Code == code, ct);
        var attributes = JsonNode.Parse(entry.AttributesJson) as JsonObject ?? [];
        attributes["weights"] = weights;
        return await SaveAttributesAsync(code, attributes, expectedVersion, ct);
    }

    /// <summary>Makes one profile the default of the analysis and clears the flag on the others (METHODS: exactly one default).</summary>
    public async Task<Result<ProfileView>> MakeDefaultAsync(string code, CancellationToken ct = default)
    {
        var listed = await ListAsync(ct);
        if (!listed.IsOk) return Result<ProfileView>.Forbidden(listed.Said);
        if (listed.Value!.All(p => p.Code != code)) return Result<ProfileView>.NotFound(AllowedTexts.CatalogueNoProfile.With(code));
        Result<ProfileView>? chosen = null;
        // The new default is set first, so at no moment is there none.
        foreach (var p in listed.Value!.OrderBy(p => p.Code == code ? 0 : 1))
        {
            if (p.IsDefault == (p.Code == code)) { if (p.Code == code) chosen = Result<ProfileView>.Ok(p); continue; }
            var entry = await db.CatalogueEntries.AsNoTracking().FirstAsync(e => e.Code == p.Code, ct);
            var attributes = JsonNode.Parse(entry.AttributesJson) as JsonObject ?? [];
            attributes["default"] = p.Code == code;
            var saved = await SaveAttributesAsync(p.Code, attributes, entry.Version, ct);
            if (!saved.IsOk) return saved;
            if (p.Code == code) chosen = saved;
        }
        return chosen!;
    }

    private async Task<Result<ProfileView>> SaveAttributesAsync(string code, JsonObject attributes, int expectedVersion, CancellationToken ct)
    {
        var saved = await save.HandleAsync(new SaveRecordRequest(RecordKinds.CatalogueEntry.Name, code,
            new Dictionary<string, string?> { ["attributes"] = attributes.ToJsonString() }, SaveMode.Update, expectedVersion), ct);
        // A failed save carries no profile; its status, errors and message are passed on as they are.
        if (!saved.IsOk) return Result<ProfileView>.Failed(saved);
        return Result<ProfileView>.Ok((await ListAsync(ct)).Value!.Single(p => p.Code == code));
    }
}
