using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.AccessRequests.Steps;

/// <summary>
/// "C'est moi" and "identique au contact métier" on the contacts step: one contact filled from the
/// signed-in user's account or copied from another contact of the form, so nothing is typed twice.
/// The controller saves the result as a draft, like any other post of the step.
/// </summary>
public static class FillContact
{
    /// <summary>The contacts of the form, by the name of their property.</summary>
    public static readonly IReadOnlyList<string> Roles = [nameof(ContactsForm.BusinessContact), nameof(ContactsForm.TechnicalContact), nameof(ContactsForm.Dpo)];

    public const string Me = "me";

    /// <summary>The intent of the button: "fill:{target}:{source}", source a role or <see cref="Me"/>.</summary>
    public static string Intent(string target, string source) => $"fill:{target}:{source}";

    /// <summary>The target and source of a fill intent, or null for any other intent (or a forged one).</summary>
    public static (string Target, string Source)? Parse(string? intent) =>
        intent?.Split(':') is ["fill", var target, var source] && Roles.Contains(target) && (source == Me || (Roles.Contains(source) && source != target))
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
