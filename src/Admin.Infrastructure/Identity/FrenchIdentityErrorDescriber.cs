using Microsoft.AspNetCore.Identity;

namespace Admin.Infrastructure.Identity;

/// <summary>Identity's errors in French, as users of the back-office read them.</summary>
public sealed class FrenchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Make(nameof(DefaultError), "Une erreur inconnue est survenue.");
    public override IdentityError ConcurrencyFailure() => Make(nameof(ConcurrencyFailure), "Ce compte a été modifié entre-temps. Réessayez.");
    public override IdentityError PasswordMismatch() => Make(nameof(PasswordMismatch), "Mot de passe incorrect.");
    public override IdentityError InvalidToken() => Make(nameof(InvalidToken), "Ce lien n'est plus valide. Demandez-en un nouveau.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Make(nameof(RecoveryCodeRedemptionFailed), "Ce code de récupération n'est pas valide.");
    public override IdentityError LoginAlreadyAssociated() => Make(nameof(LoginAlreadyAssociated), "Ce compte externe est déjà associé à un utilisateur.");
    public override IdentityError InvalidUserName(string? userName) => Make(nameof(InvalidUserName), "Cet identifiant n'est pas valide.");
    public override IdentityError InvalidEmail(string? email) => Make(nameof(InvalidEmail), "Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.");
    public override IdentityError DuplicateUserName(string userName) => Make(nameof(DuplicateUserName), "Un compte existe déjà avec cette adresse électronique.");
    public override IdentityError DuplicateEmail(string email) => Make(nameof(DuplicateEmail), "Un compte existe déjà avec cette adresse électronique.");
    public override IdentityError InvalidRoleName(string? role) => Make(nameof(InvalidRoleName), "Ce rôle n'est pas valide.");
    public override IdentityError DuplicateRoleName(string role) => Make(nameof(DuplicateRoleName), "Ce rôle existe déjà.");
    public override IdentityError UserAlreadyHasPassword() => Make(nameof(UserAlreadyHasPassword), "Ce compte a déjà un mot de passe.");
    public override IdentityError UserLockoutNotEnabled() => Make(nameof(UserLockoutNotEnabled), "Le verrouillage n'est pas activé pour ce compte.");
    public override IdentityError UserAlreadyInRole(string role) => Make(nameof(UserAlreadyInRole), "Ce compte a déjà ce rôle.");
    public override IdentityError UserNotInRole(string role) => Make(nameof(UserNotInRole), "Ce compte n'a pas ce rôle.");
    public override IdentityError PasswordTooShort(int length) => Make(nameof(PasswordTooShort), $"Le mot de passe doit contenir au moins {length} caractères.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Make(nameof(PasswordRequiresUniqueChars), $"Le mot de passe doit contenir au moins {uniqueChars} caractères différents.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Make(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir au moins un caractère spécial.");
    public override IdentityError PasswordRequiresDigit() => Make(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir au moins un chiffre.");
    public override IdentityError PasswordRequiresLower() => Make(nameof(PasswordRequiresLower), "Le mot de passe doit contenir au moins une lettre minuscule.");
    public override IdentityError PasswordRequiresUpper() => Make(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir au moins une lettre majuscule.");

    private static IdentityError Make(string code, string description) => new() { Code = code, Description = description };
}
