using FluentValidation;

namespace Admin.Web.Features.Account;

/// <summary>Field rules shared by the account forms, with their French messages.</summary>
internal static class AccountRules
{
    public const int EmailMaxLength = 254;

    /// <summary>
    /// local@domain.tld, without spaces nor the characters that have no place in an address someone
    /// types (U+FFFD included: it stands for a character model binding refused).
    /// </summary>
    public const string EmailPattern = @"^[^@\s<>()\[\],;:""\uFFFD]+@[^@\s<>()\[\],;:""\uFFFD]+\.[^@\s<>()\[\],;:""\uFFFD]+$";
    public const int NameMaxLength = 100;
    public const int PasswordMinLength = 12;
    public const int PasswordMaxLength = 128;

    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotEmpty().WithMessage("Saisissez votre adresse électronique.")
        .MaximumLength(EmailMaxLength).WithMessage($"L'adresse électronique ne peut pas dépasser {EmailMaxLength} caractères.")
        .Matches(EmailPattern).WithMessage("Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.");

    public static IRuleBuilderOptions<T, string?> StrongPassword<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotEmpty().WithMessage("Saisissez un mot de passe.")
        .MinimumLength(PasswordMinLength).WithMessage($"Le mot de passe doit contenir au moins {PasswordMinLength} caractères.")
        .MaximumLength(PasswordMaxLength).WithMessage($"Le mot de passe ne peut pas dépasser {PasswordMaxLength} caractères.")
        .Matches("[a-z]").WithMessage("Le mot de passe doit contenir au moins une lettre minuscule.")
        .Matches("[A-Z]").WithMessage("Le mot de passe doit contenir au moins une lettre majuscule.")
        .Matches("[0-9]").WithMessage("Le mot de passe doit contenir au moins un chiffre.");

    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule, string emptyMessage) => rule
        .NotEmpty().WithMessage(emptyMessage)
        .MaximumLength(NameMaxLength).WithMessage($"Ce champ ne peut pas dépasser {NameMaxLength} caractères.");
}
