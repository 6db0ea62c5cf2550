using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Primitives;

namespace Admin.Web.Infrastructure;

/// <summary>
/// Characters no one types and that break code downstream: Identity's Unicode normalization throws
/// on non-characters and unpaired surrogates, and control characters (tab and line breaks aside)
/// have no place in a form field.
/// </summary>
public static class UnsafeText
{
    public const string Message = "Ce champ contient des caractères non autorisés. Retirez-les et réessayez.";

    /// <summary>Stands for each refused character, so what was typed stays in place and is safe everywhere.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>The text with each refused character replaced by U+FFFD; the same instance when there is none.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstUnsafeIndex(text);
        if (first < 0) return text;

        var clean = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var length = UnitLength(text, i);
            if (IsUnsafe(text, i)) clean.Append(Replacement);
            else clean.Append(text, i, length);
            i += length - 1;
        }

        return clean.ToString();
    }

    private static int FirstUnsafeIndex(string text)
    {
        for (var i = 0; i < text.Length; i += UnitLength(text, i))
        {
            if (IsUnsafe(text, i)) return i;
        }

        return -1;
    }

    /// <summary>2 for a surrogate pair, 1 for anything else (a lone surrogate included).</summary>
    private static int UnitLength(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    private static bool IsUnsafe(string text, int i)
    {
        var c = text[i];
        if (char.IsSurrogate(c))
        {
            return UnitLength(text, i) == 1 || IsNonCharacter(char.ConvertToUtf32(c, text[i + 1]));
        }

        return (char.IsControl(c) && c is not ('\t' or '\r' or '\n')) || IsNonCharacter(c);
    }

    /// <summary>U+FDD0–U+FDEF and the last two code points of each plane (U+FFFE, U+FFFF, U+1FFFE…).</summary>
    private static bool IsNonCharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}

/// <summary>
/// Binds every text of every form, query string and route (string collections included) as the
/// framework does, then cleans it with <see cref="UnsafeText"/>: a refused character becomes
/// U+FFFD, the field gets a French error and shows again what was typed, cleaned.
/// </summary>
public sealed class CleanTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var source = context.BindingInfo.BindingSource;
        if (context.Metadata.ModelType != typeof(string) || context.BindingInfo.BinderType is not null || source is { IsGreedy: true })
        {
            return null;
        }

        var loggers = context.Services.GetRequiredService<ILoggerFactory>();
        return new CleanTextModelBinder(new SimpleTypeModelBinder(typeof(string), loggers));
    }

    private sealed class CleanTextModelBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result.Model is not string value) return;
            var cleaned = UnsafeText.Clean(value);
            if (ReferenceEquals(cleaned, value)) return;

            var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            var shown = posted.Length > 0 ? new StringValues([.. posted.Values.Select(v => v is null ? v : UnsafeText.Clean(v))]) : new StringValues(cleaned);
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult(shown, posted.Culture));
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, UnsafeText.Message);
            bindingContext.Result = ModelBindingResult.Success(cleaned);
        }
    }
}
