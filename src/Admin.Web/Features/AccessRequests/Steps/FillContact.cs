using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.AccessRequests.Steps;

/// <summary>
/// "C'est moi", "identique au contact métier" and "Remplir avec ce membre" on the contacts step: one contact filled
/// from the signed-in user's account, copied from another contact of the form, or taken from a member of the
/// request's organization chosen in a list, so nothing is typed twice.
/// The controller saves the result as a draft, like any other post of the step.
/// </summary>
public static class FillContact
{
    /// <summary>The contacts of the form, by the name of their property.</summary>
    public static readonly IReadOnlyList<string> Roles = [nameof(ContactsForm.BusinessContact), nameof(ContactsForm.TechnicalContact), nameof(ContactsForm.Dpo)];

    public const string Me = "me";

    /// <summary>The source "the member chosen in the list beside the contact" (<see cref="MemberField"/>).</summary>
    public const string Member = "member";

    /// <summary>The name of the list of members beside one contact, posted with the form.</summary>
    public static string MemberField(string target) => target + "Member";

    public static readonly Error MemberNotFound = new("access_request.contact_member_not_found",
        "Choisissez un membre de l'organisation dans la liste.");

    /// <summary>The intent of the button: "fill:{target}:{source}", source a role or <see cref="Me"/>.</summary>
    public static string Intent(string target, string source) => $"fill:{target}:{source}";

    /// <summary>The target and source of a fill intent, or null for any other intent (or a forged one).</summary>
    public static (string Target, string Source)? Parse(string? intent) =>
        intent?.Split(':') is ["fill", var target, var source] && Roles.Contains(target)
            && (source is Me or Member || (Roles.Contains(source) && source != target))
            ? (target, source)
            : null;

    /// <summary>The signed-in user as a contact: names and e-mail of the account, phone when it has one.</summary>
    public sealed record Query : IQuery<ContactForm>;

    internal sealed class Handler(AdminDbContext db, ICurrentUser user) : IQueryHandler<Query, ContactForm>
    {
        public async ValueTask<ContactForm> Handle(Query query, CancellationToken ct)
        {
            var me = await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
                .Select(u => new ContactForm { FirstName = u.FirstName, LastName = u.LastName, Email = u.Email, Phone = u.PhoneNumber })
                .FirstOrDefaultAsync(ct);
            return me ?? new ContactForm();
        }
    }

    /// <summary>
    /// A member of the request's organization as a contact, for someone who may edit the request (404 for another
    /// organization's request, as everywhere); a user who is not a member of it is an error beside the list.
    /// </summary>
    public sealed record MemberQuery(Guid RequestId, string Target, string? UserId) : IQuery<Result<ContactForm>>;

    internal sealed class MemberHandler(AccessService access, AdminDbContext db) : IQueryHandler<MemberQuery, Result<ContactForm>>
    {
        public async ValueTask<Result<ContactForm>> Handle(MemberQuery query, CancellationToken ct)
        {
            var found = await access.ForRequestAsync(query.RequestId, Need.Edit, ct, tracking: false);
            if (found.IsFailure) return Result<ContactForm>.From(found);

            var organizationId = found.Value.Request.OrganizationId;
            var member = Guid.TryParse(query.UserId, out var userId)
                ? await db.Memberships.AsNoTracking()
                    .Where(m => m.OrganizationId == organizationId && m.UserId == userId)
                    .Join(db.Users, m => m.UserId, u => u.Id,
                        (m, u) => new ContactForm { FirstName = u.FirstName, LastName = u.LastName, Email = u.Email, Phone = u.PhoneNumber })
                    .FirstOrDefaultAsync(ct)
                : null;
            return member is null
                ? Result<ContactForm>.Failure(ErrorKind.Validation, [MemberNotFound with { Field = MemberField(query.Target) }])
                : member;
        }
    }

    /// <summary>The organization's members offered beside each contact, by name.</summary>
    internal static async Task<IReadOnlyList<MemberOption>> MembersAsync(AdminDbContext db, Guid organizationId, CancellationToken ct)
    {
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.FirstName, u.LastName, u.Email })
            .ToListAsync(ct);
        return [.. members
            .Select(m => new MemberOption(m.Id, $"{m.FirstName} {m.LastName}".Trim(), m.Email ?? ""))
            .OrderBy(m => m.Name, StringComparer.Create(StepLabels.French, ignoreCase: true))];
    }

    /// <summary>The form with <paramref name="target"/> replaced by <paramref name="filled"/>.</summary>
    public static ContactsForm With(ContactsForm form, string target, ContactForm filled)
    {
        ArgumentNullException.ThrowIfNull(form);
        var copy = new ContactForm { FirstName = filled.FirstName, LastName = filled.LastName, Email = filled.Email, Phone = filled.Phone };
        switch (target)
        {
            case nameof(ContactsForm.BusinessContact): form.BusinessContact = copy; break;
            case nameof(ContactsForm.TechnicalContact): form.TechnicalContact = copy; break;
            default: form.Dpo = copy; break;
        }

        return form;
    }

    public static ContactForm Of(ContactsForm form, string role) => role switch
    {
        nameof(ContactsForm.BusinessContact) => form.BusinessContact,
        nameof(ContactsForm.TechnicalContact) => form.TechnicalContact,
        _ => form.Dpo,
    };
}

/// <summary>A member of the organization, as the list beside a contact shows it.</summary>
public sealed record MemberOption(Guid UserId, string Name, string Email)
{
    public string Text => string.IsNullOrEmpty(Name) ? Email : $"{Name} ({Email})";
}

/// <summary>The list of members and its button beside one contact (Views/AccessRequestSteps/_MemberPick.cshtml).</summary>
public sealed record MemberPick(string Target, IReadOnlyList<MemberOption> Members);
