using System.Globalization;
using Admin.Web.Infrastructure;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Admin.Web.Tests.Infrastructure;

public sealed class UnsafeTextTests
{
    public static TheoryData<string, string> Refused => new()
    {
        { "x\uFFFE@example.com", "x\uFFFD@example.com" },
        { "x\uFFFF", "x\uFFFD" },
        { "\uFDD0a\uFDEF", "\uFFFDa\uFFFD" },
        { "a\uD800b", "a\uFFFDb" },
        { "a\uDC00", "a\uFFFD" },
        { "\uD800", "\uFFFD" },
        { "a\0b", "a\uFFFDb" },
        { "a\u001Bb\u007F\u0085", "a\uFFFDb\uFFFD\uFFFD" },
        { "plan 1 \U0001FFFE, plan 16 \U0010FFFF", "plan 1 \uFFFD, plan 16 \uFFFD" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Clean_replaces_each_refused_character_by_one_replacement_character(string typed, string cleaned) =>
        Assert.Equal(cleaned, UnsafeText.Clean(typed));

    [Theory]
    [InlineData("Délibération n° 2025-12 — « cantine » 😀")]
    [InlineData("ligne 1\r\nligne 2\tcolonne")]
    [InlineData("\uFFFD déjà remplacé")]
    [InlineData("")]
    public void Clean_returns_text_without_refused_character_unchanged(string typed) =>
        Assert.Same(typed, UnsafeText.Clean(typed));
}

/// <summary>The app's own model binding (from its services), fed values a form body cannot carry, such as a lone surrogate.</summary>
public sealed class TextInputBindingTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Binding_a_text_with_a_lone_surrogate_gives_it_cleaned_with_the_french_error_and_keeps_it_shown()
    {
        var (model, state) = await BindAsync<string>("Email", "x\uD800@example.com");

        Assert.Equal("x\uFFFD@example.com", model);
        Assert.Equal([UnsafeText.Message], state["Email"]!.Errors.Select(e => e.ErrorMessage));
        Assert.Equal("x\uFFFD@example.com", state["Email"]!.AttemptedValue);
    }

    [Fact]
    public async Task Binding_a_list_of_texts_cleans_each_one_and_flags_the_field()
    {
        var (model, state) = await BindAsync<List<string>>("Form.Scopes", "cnaf_quotient_familial", "x\uFFFE", "\0");

        Assert.Equal(["cnaf_quotient_familial", "x\uFFFD", "\uFFFD"], model);
        Assert.Contains(UnsafeText.Message, state["Form.Scopes"]!.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public async Task Binding_a_clean_text_adds_no_error()
    {
        var (model, state) = await BindAsync<string>("Form.Name", "Inscription à la cantine\r\n");

        Assert.Equal("Inscription à la cantine\r\n", model);
        Assert.Equal(0, state.ErrorCount);
        Assert.Empty(state["Form.Name"]!.Errors);
    }

    private async Task<(T? Model, ModelStateDictionary State)> BindAsync<T>(string name, params string[] values)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var metadata = services.GetRequiredService<IModelMetadataProvider>().GetMetadataForType(typeof(T));
        var binder = services.GetRequiredService<IModelBinderFactory>().CreateBinder(new ModelBinderFactoryContext
        {
            Metadata = metadata,
            BindingInfo = new BindingInfo(),
            CacheToken = null,
        });
        var action = new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(), new ActionDescriptor());
        var query = new QueryCollection(new Dictionary<string, StringValues> { [name] = new(values) });
        var context = DefaultModelBindingContext.CreateBindingContext(action,
            new QueryStringValueProvider(BindingSource.Query, query, CultureInfo.InvariantCulture), metadata, bindingInfo: null, modelName: name);

        await binder.BindModelAsync(context);

        Assert.True(context.Result.IsModelSet, $"{name} did not bind");
        return ((T?)context.Result.Model, context.ModelState);
    }
}
