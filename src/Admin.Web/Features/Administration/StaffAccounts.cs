using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Web.Features.Organizations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Administration;

/// <summary>What the staff account use cases share: the role a staff member holds, their errors, the role list.</summary>
public static class StaffAccounts
{
    /// <summary>Strongest first: an account that somehow holds two staff roles is shown with the stronger one.</summary>
    private static readonly string[] ByStrength = [Roles.Administrator, Roles.Instructor, Roles.Auditor];

    public static IReadOnlyList<SelectOption> RoleOptions { get; } =
        [.. ByStrength.Select(r => new SelectOption(r, Roles.FrenchLabel(r)))];

    /// <summary>The staff role among an account's roles; null for an account that is no staff member.</summary>
    public static string? StaffRoleOf(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        return ByStrength.FirstOrDefault(held.Contains);
    }

    /// <summary>The staff account with this id and its role, or null (unknown, or a partner's account).</summary>
    internal static async Task<(AppUser User, string Role)?> FindAsync(UserManager<AppUser> users, Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return null;
        return StaffRoleOf(await users.GetRolesAsync(user)) is { } role ? (user, role) : null;
    }

    /// <summary>An Identity failure on a save: the account changed meanwhile (its concurrency stamp).</summary>
    internal static Result Saved(IdentityResult result) =>
        result.Succeeded ? Result.Ok() : Result.Conflict(StaffErrors.ChangedMeanwhile);

    internal static IRuleBuilderOptions<T, string?> StaffRole<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(r => r is not null && Roles.Staff.Contains(r)).WithMessage(StaffErrors.RoleRequired.Message);
}

public static class StaffErrors
{
    public static readonly Error RoleRequired = new("staff.role_required", "Choisissez un rôle : instructeur, administrateur ou auditeur.");
    public static readonly Error EmailTaken = new("staff.email_taken", "Un compte existe déjà avec cette adresse électronique.");
    public static readonly Error OwnRole = new("staff.own_role", "Vous ne pouvez pas modifier votre propre rôle : demandez-le à un autre administrateur.");
    public static readonly Error OwnDeactivation = new("staff.own_deactivation", "Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.");
    public static readonly Error ChangedMeanwhile = new("staff.changed_meanwhile", "Ce compte a été modifié entre-temps. Rechargez la page pour voir son état actuel.");
}
