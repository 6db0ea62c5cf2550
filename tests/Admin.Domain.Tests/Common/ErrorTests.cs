using System.Reflection;
using Admin.Domain.AccessRequests;
using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Charters;
using Admin.Domain.Common;
using Admin.Domain.Organizations;

namespace Admin.Domain.Tests.Common;

/// <summary>The errors each aggregate names in one place: a stable code of its area and a French message for the user.</summary>
public class ErrorTests
{
    private static readonly Type[] Catalogues =
    [
        typeof(AccessRequestErrors), typeof(AuthorizationErrors), typeof(OrganizationErrors), typeof(EmailAddressErrors),
        typeof(PhoneNumberErrors), typeof(Admin.Domain.Scopes.ScopeErrors), typeof(CharterErrors), typeof(CommonErrors), typeof(ApiKeyErrors),
        typeof(Admin.Domain.UseCases.UseCaseErrors), typeof(Admin.Domain.Messages.MessageErrors), typeof(Admin.Domain.Messages.TemplateErrors),
    ];

    /// <summary>Every error of the catalogues: the static fields, and the errors built from a value.</summary>
    private static IReadOnlyList<Error> AllErrors() =>
    [
        .. Catalogues.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Error))
            .Select(f => (Error)f.GetValue(null)!),
        AccessRequestErrors.InvalidTransition(AccessRequestStatus.Submitted),
        AccessRequestErrors.ScopeNotOffered("cnaf_enfants"),
        AuthorizationErrors.ScopeRetired("cnaf_enfants"),
        Admin.Domain.UseCases.UseCaseErrors.UnknownScope("cnaf_enfants"),
    ];

    [Fact]
    public void Every_catalogue_is_read_so_the_rules_below_cannot_pass_on_nothing()
    {
        Assert.All(Catalogues, t => Assert.Contains(t.GetFields(BindingFlags.Public | BindingFlags.Static), f => f.FieldType == typeof(Error)));
    }

    [Fact]
    public void Every_error_has_a_code_of_its_area_and_no_field_until_placed()
    {
        Assert.All(AllErrors(), e =>
        {
            Assert.Matches("^(access_request|authorization|organization|email|phone|scope|charter|common|api_key|use_case|message|template)\\.[a-z_]+$", e.Code);
            Assert.Null(e.Field);
        });
    }

    [Fact]
    public void Every_error_has_a_french_sentence_for_the_user()
    {
        Assert.All(AllErrors(), e =>
        {
            Assert.True(e.Message.Length > 15, $"{e.Code}: « {e.Message} »");
            Assert.Matches("^[A-ZÀ-Ý]", e.Message);
            Assert.Matches("[.)]$", e.Message);
        });
    }

    [Fact]
    public void Codes_are_unique_except_the_outdated_charter_which_counts_as_not_accepted()
    {
        var shared = AllErrors().GroupBy(e => e.Code).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Equal(["access_request.charter_not_accepted"], shared);
    }

    [Fact]
    public void Limits_named_in_messages_are_those_the_rules_apply()
    {
        Assert.Contains("200", AccessRequestErrors.ProcedureNameTooLong.Message);
        Assert.Contains("4000", AccessRequestErrors.ProcedureDescriptionTooLong.Message);
        Assert.Contains("2000", AccessRequestErrors.ProcedureUrlTooLong.Message);
        Assert.Contains("2000", AccessRequestErrors.SimplificationTooLong.Message);
        Assert.Contains("300", AccessRequestErrors.LegalTitleTooLong.Message);
        Assert.Contains("2000", AccessRequestErrors.LegalUrlTooLong.Message);
        Assert.Contains("2000", AccessRequestErrors.RecipientsTooLong.Message);
        Assert.Contains("2000", AccessRequestErrors.RetentionJustificationTooLong.Message);
        Assert.Contains("100", AccessRequestErrors.ContactNameTooLong.Message);
        Assert.Contains("4000", AccessRequestErrors.MessageTooLong.Message);
        Assert.Contains("1000", AuthorizationErrors.RateOutOfRange.Message);
        Assert.Contains("18", AuthorizationErrors.ExpiryTooFar.Message);
        Assert.Contains("200", OrganizationErrors.NameTooLong.Message);
        Assert.Contains("200", OrganizationErrors.StreetTooLong.Message);
        Assert.Contains("100", OrganizationErrors.CityTooLong.Message);
        Assert.Contains("200", Admin.Domain.Scopes.ScopeErrors.LabelTooLong.Message);
        Assert.Contains("500", Admin.Domain.Scopes.ScopeErrors.DescriptionTooLong.Message);
        Assert.Contains("300", CharterErrors.TitleTooLong.Message);
        Assert.Contains("100000", CharterErrors.BodyTooLong.Message);
    }

    [Fact]
    public void Errors_built_from_a_value_name_it()
    {
        Assert.Contains("cnaf_enfants", AccessRequestErrors.ScopeNotOffered("cnaf_enfants").Message);
        Assert.Contains("cnaf_enfants", AuthorizationErrors.ScopeRetired("cnaf_enfants").Message);
        Assert.Contains("Modifications demandées", AccessRequestErrors.InvalidTransition(AccessRequestStatus.ChangesRequested).Message);
        Assert.Equal(AccessRequestErrors.InvalidTransitionCode, AccessRequestErrors.InvalidTransition(AccessRequestStatus.Draft).Code);
        Assert.Equal(AccessRequestErrors.ScopeNotOfferedCode, AccessRequestErrors.ScopeNotOffered("x").Code);
    }
}
