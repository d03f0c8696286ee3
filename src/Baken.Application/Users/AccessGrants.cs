using Baken.Application.Common;
using Baken.Domain;
using Baken.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Baken.Application.Users;

/// <summary>
/// What an administrator may give an account, checked the same way when it is added and when it is changed: a clearance up
/// to their own, known roles, and compartments they hold themselves. Problems are added to the caller's error list.
/// </summary>
internal static class AccessGrants
{
    /// <summary>
    /// An administrator reaches an account cleared no higher than themselves and holding no compartment they lack: they could
    /// otherwise take over an account that reads what they may not.
    /// </summary>
    public static bool WithinReach(ICurrentUser caller, Domain.Users.User target) =>
        target.Clearance <= caller.Clearance && (target.CompartmentMask & ~caller.CompartmentMask) == 0;

    public static readonly MessageTemplate OutOfReach = new("allowed.users.outofreach", "This account holds a clearance or compartments beyond yours; an administrator who holds them manages it.");
    public static readonly MessageTemplate NoUser = new("allowed.users.nouser", "No user '{0}'.");
    public static readonly MessageTemplate AdministratorManages = new("allowed.users.adminmanages", "Only an administrator can manage users.");

    public static ClassificationLevel Clearance(string text, ICurrentUser caller, List<FieldError> errors)
    {
        if (!ClassificationLevels.TryParse(text, out var clearance))
            errors.Add(new FieldError("clearance", text, ClassificationLevels.Rule));
        else if (clearance > caller.Clearance)
            errors.Add(new FieldError("clearance", text, AllowedTexts.OwnClearance.With(caller.Clearance.DisplayName())));
        return clearance;
    }

    /// <summary>Role names (';' or ',' separated) in their canonical spelling.</summary>
    public static string[] Roles(string? text, List<FieldError> errors)
    {
        var roles = (text ?? Domain.Users.Roles.Analyst).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var r in roles.Where(r => !Domain.Users.Roles.All.Contains(r, StringComparer.OrdinalIgnoreCase)))
            errors.Add(new FieldError("roles", r, AllowedTexts.Kinds.With(string.Join(", ", Domain.Users.Roles.All))));
        return roles.Select(r => Domain.Users.Roles.All.FirstOrDefault(a => a.Equals(r, StringComparison.OrdinalIgnoreCase)) ?? r).Distinct().ToArray();
    }

    public static string[] CompartmentCodes(string? text, List<FieldError> errors)
    {
        var codes = (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var c in codes.Where(c => !Domain.RecordCode.IsValid(c))) errors.Add(new FieldError("compartments", c, Domain.RecordCode.Rule));
        return codes;
    }

    /// <summary>The mask for the codes; codes not yet defined are created (up to the number of bits a mask has).</summary>
    public static async Task<long> CompartmentMaskAsync(IBakenDb db, ICurrentUser caller, IReadOnlyList<string> codes, List<FieldError> errors, CancellationToken ct)
    {
        var all = await db.Compartments.ToListAsync(ct);
        long mask = 0;
        foreach (var code in codes)
        {
            var c = all.FirstOrDefault(x => x.Code.Equals(code, StringComparison.OrdinalIgnoreCase));
            if (c is not null && (c.Mask & caller.CompartmentMask) == 0)
                errors.Add(new FieldError("compartments", code, AllowedTexts.UsersCompartmentsYouHoldYourself));
            if (c is null)
            {
                var bit = Enumerable.Range(0, Compartment.MaxCompartments).FirstOrDefault(b => all.All(x => x.Bit != b), -1);
                if (bit < 0) { errors.Add(new FieldError("compartments", code, AllowedTexts.UsersMaxCompartments.With(Compartment.MaxCompartments))); continue; }
                c = new Compartment(code.ToUpperInvariant(), code.ToUpperInvariant(), bit);
                all.Add(c);
                db.Compartments.Add(c);
            }
            mask |= c.Mask;
        }
        return mask;
    }
}
