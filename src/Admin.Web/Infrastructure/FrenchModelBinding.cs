using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Admin.Web.Infrastructure;

public static class FrenchModelBinding
{
    /// <summary>Model binding's own messages (a number typed as text, a missing value) in French.</summary>
    public static void UseFrench(this DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"La valeur « {value} » n'est pas valide.");
        messages.SetMissingBindRequiredValueAccessor(field => "Ce champ est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Ce champ est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Saisissez un nombre.");
        messages.SetUnknownValueIsInvalidAccessor(field => "La valeur saisie n'est pas valide.");
        messages.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        messages.SetValueMustBeANumberAccessor(field => "Saisissez un nombre.");
        messages.SetValueMustNotBeNullAccessor(value => "Ce champ est obligatoire.");
    }
}
