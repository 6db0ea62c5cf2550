using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// The account e-mails: confirmation link, "your account already exists", reset link, password changed, staff invitation,
/// a change of address (the link to the new one, a notice to the current one), a deleted account and an
/// account linked to ProConnect.
/// </summary>
public sealed class AccountNotifications(EmailLinks links) : IEventNotifications
{
    public const string ConfirmEmailKind = "account.confirm_email";
    public const string AlreadyExistsKind = "account.already_exists";
    public const string ResetPasswordKind = "account.reset_password";
    public const string PasswordChangedKind = "account.password_changed";
    public const string StaffInvitedKind = "account.staff_invited";
    public const string ConfirmNewEmailKind = "account.confirm_new_email";
    public const string EmailChangeNoticeKind = "account.email_change_notice";
    public const string DeletedKind = "account.deleted";
    public const string EmailClaimedKind = "account.email_claimed";
    public const string ProConnectLinkedKind = "account.proconnect_linked";

    public async ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (domainEvent is not AccountEvent account) return [];
        // Held back by the e-mail throttle: the event is audited, nothing is queued.
        if (account is AccountRegistered { ConfirmationToken: null }) return [];
        // Role changes and deactivations are told on the screen of the administrator who made them.
        if (account is StaffAccountEvent and not StaffInvited) return [];
        if (account is AccountNameChanged or AccountEmailChanged) return [];
        // The account is already anonymized in this save: the former address travels with the event.
        if (account is AccountDeleted deleted) return [Deleted(deleted)];

        var user = await db.Users.AsNoTracking().Where(u => u.Id == account.AggregateId)
            .Select(u => new { u.Email, u.FirstName }).SingleAsync(ct);
        var to = user.Email ?? throw new InvalidOperationException("An account without an e-mail address.");
        if (account is AccountEmailChangeRequested change) return EmailChange(change, to, user.FirstName);
        var message = account switch
        {
            AccountRegistered registered => EmailComposer.Compose(ConfirmEmailKind, to, "Confirmez votre adresse électronique",
                [$"Vous venez de créer votre compte sur l'espace partenaires d'API Particulier, {user.FirstName}.",
                 "Pour l'activer, confirmez votre adresse électronique. Ce lien est valable 24 heures."],
                new EmailLink("Confirmer mon adresse électronique", links.ConfirmEmail(account.AggregateId, registered.ConfirmationToken!)),
                account.OccurredAt),
            AccountRegistrationRepeated => EmailComposer.Compose(AlreadyExistsKind, to, "Votre compte API Particulier existe déjà",
                ["Quelqu'un (peut-être vous) a tenté de créer un compte API Particulier avec votre adresse électronique, qui en a déjà un.",
                 "Si vous avez oublié votre mot de passe, utilisez « Mot de passe oublié » sur la page de connexion. Sinon, ignorez ce message."],
                new EmailLink("Se connecter", links.SignIn), account.OccurredAt),
            AccountEmailClaimedByAnother => EmailComposer.Compose(EmailClaimedKind, to, "Votre adresse a été proposée pour un autre compte",
                ["Quelqu'un (peut-être vous) a demandé que votre adresse électronique devienne celle d'un autre compte API Particulier. Elle reste celle de votre compte : rien n'a changé.",
                 "Si vous voulez regrouper vos comptes, supprimez d'abord celui que vous n'utilisez plus depuis « Mon compte ». Sinon, ignorez ce message."],
                new EmailLink("Se connecter", links.SignIn), account.OccurredAt),
            AccountConfirmationResent resent => EmailComposer.Compose(ConfirmEmailKind, to, "Confirmez votre adresse électronique",
                ["Voici un nouveau lien pour confirmer votre adresse électronique et activer votre compte API Particulier."],
                new EmailLink("Confirmer mon adresse électronique", links.ConfirmEmail(account.AggregateId, resent.ConfirmationToken)),
                account.OccurredAt),
            AccountPasswordResetRequested reset => EmailComposer.Compose(ResetPasswordKind, to, "Réinitialisation de votre mot de passe",
                ["Une réinitialisation du mot de passe de votre compte API Particulier a été demandée.",
                 "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé."],
                new EmailLink("Choisir un nouveau mot de passe", links.ResetPassword(to, reset.ResetToken)), account.OccurredAt),
            AccountPasswordChanged => EmailComposer.Compose(PasswordChangedKind, to, "Votre mot de passe a été modifié",
                ["Le mot de passe de votre compte API Particulier vient d'être modifié. Vos sessions ouvertes sur d'autres appareils ont été fermées.",
                 "Si vous n'êtes pas à l'origine de ce changement, réinitialisez votre mot de passe sans attendre et prévenez l'équipe API Particulier."],
                new EmailLink("Réinitialiser mon mot de passe", links.ForgotPassword), account.OccurredAt),
            StaffInvited invited => EmailComposer.Compose(StaffInvitedKind, to, "Votre compte sur l'espace d'instruction d'API Particulier",
                [$"Bonjour {user.FirstName}, un administrateur d'API Particulier vous a créé un compte {Roles.FrenchLabel(invited.Role).ToLowerInvariant()} sur l'espace d'instruction.",
                 "Choisissez votre mot de passe avec le lien ci-dessous, valable 24 heures ; passé ce délai, utilisez « Mot de passe oublié » sur la page de connexion.",
                 "À votre première connexion, vous configurerez la double authentification avec une application d'authentification."],
                new EmailLink("Choisir mon mot de passe", links.ResetPassword(to, invited.PasswordToken)), account.OccurredAt),
            AccountLinkedToProConnect linked => EmailComposer.Compose(ProConnectLinkedKind, to, "Votre compte API Particulier est relié à ProConnect",
                [$"Bonjour {user.FirstName}, vous venez de vous connecter à l'espace partenaires d'API Particulier avec ProConnect : votre compte y est désormais relié.",
                 linked.PasswordRemoved
                     ? "Votre adresse électronique n'avait pas été confirmée : le mot de passe choisi lors de la création du compte a été supprimé. Connectez-vous avec ProConnect, ou choisissez un nouveau mot de passe avec « Mot de passe oublié »."
                     : "Vous pouvez vous connecter avec ProConnect ou avec votre mot de passe.",
                 "Si vous n'êtes pas à l'origine de cette connexion, prévenez sans attendre l'équipe API Particulier."],
                new EmailLink("Se connecter", links.SignIn), account.OccurredAt),
            _ => null,
        };
        return message is null ? [] : [message];
    }

    private List<OutboxMessage> EmailChange(AccountEmailChangeRequested change, string currentEmail, string firstName)
    {
        var messages = new List<OutboxMessage>();
        if (change.ChangeToken is { } token)
        {
            messages.Add(EmailComposer.Compose(ConfirmNewEmailKind, change.NewEmail, "Confirmez votre nouvelle adresse électronique",
                [$"Bonjour {firstName}, vous avez demandé que cette adresse devienne celle de votre compte API Particulier.",
                 "Confirmez-la avec le lien ci-dessous, valable 24 heures. Tant que vous ne l'avez pas ouvert, votre compte garde son adresse actuelle.",
                 "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message."],
                new EmailLink("Confirmer ma nouvelle adresse", links.ConfirmEmailChange(change.AggregateId, change.NewEmail, token)),
                change.OccurredAt));
        }

        // Sent whatever happened to the link, so this mailbox cannot tell a taken address from a free one.
        messages.Add(EmailComposer.Compose(EmailChangeNoticeKind, currentEmail, "Changement d'adresse électronique demandé",
            ["Un changement de l'adresse électronique de votre compte API Particulier vient d'être demandé. Un lien de confirmation a été envoyé à la nouvelle adresse ; votre adresse actuelle reste celle du compte tant qu'il n'a pas été ouvert.",
             "Si ce n'est pas vous, changez votre mot de passe sans attendre (cela annule aussi le lien envoyé) et prévenez l'équipe API Particulier."],
            new EmailLink("Réinitialiser mon mot de passe", links.ForgotPassword), change.OccurredAt));
        return messages;
    }

    private OutboxMessage Deleted(AccountDeleted deleted) =>
        EmailComposer.Compose(DeletedKind, deleted.FormerEmail, "Votre compte API Particulier est supprimé",
            [$"Bonjour {deleted.FormerFirstName}, votre compte sur l'espace partenaires d'API Particulier vient d'être supprimé, à votre demande.",
             "Vous ne faites plus partie d'aucune organisation et ne pouvez plus vous connecter avec ce compte. Les demandes et habilitations de vos organisations restent en place.",
             "Si vous n'êtes pas à l'origine de cette suppression, prévenez sans attendre l'équipe API Particulier."],
            new EmailLink("Créer un nouveau compte", links.Register), deleted.OccurredAt);
}
