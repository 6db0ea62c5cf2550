using Admin.Domain.Common;
using Admin.Domain.Scopes;

namespace Admin.Domain.Tests.Scopes;

public class ScopeTests
{
    private static readonly Scope QuotientFamilial = new(ScopeCode.Parse("cnaf_quotient_familial").Value, "cnaf",
        "Caisse nationale des allocations familiales", isRetired: false, "Quotient familial", "Le quotient familial du foyer.");

    [Fact]
    public void A_scope_keeps_its_code_and_provider_and_can_be_retired()
    {
        var scope = new Scope(ScopeCode.Parse("cnaf_quotient_familial").Value, "cnaf", "Caisse nationale des allocations familiales", isRetired: false);

        Assert.Equal(("cnaf_quotient_familial", "cnaf", "Caisse nationale des allocations familiales", false),
            (scope.Code, scope.ProviderCode, scope.ProviderName, scope.IsRetired));

        scope.Retire();

        Assert.True(scope.IsRetired);
    }

    [Fact]
    public void Retiring_a_retired_scope_is_a_conflict()
    {
        var scope = new Scope(ScopeCode.Parse("cnaf_enfants").Value, "cnaf", "CNAF", isRetired: false, "Enfants");

        Assert.True(scope.Retire().IsSuccess);
        var again = scope.Retire();

        Assert.Equal((ErrorKind?)ErrorKind.Conflict, again.FailureKind);
        Assert.Equal(ScopeErrors.AlreadyRetired, Assert.Single(again.Errors));
        Assert.True(scope.IsRetired);
    }

    [Fact]
    public void An_added_scope_is_offered_by_the_same_provider_with_its_name_and_description_trimmed()
    {
        var added = Scope.Add(" cnaf_allocataires ", QuotientFamilial, "  Allocataires ", "  Les personnes du foyer. ").Value;

        Assert.Equal(("cnaf_allocataires", "cnaf", "Caisse nationale des allocations familiales", false),
            (added.Code, added.ProviderCode, added.ProviderName, added.IsRetired));
        Assert.Equal(("Allocataires", "Les personnes du foyer."), (added.Label, added.Description));
    }

    [Fact]
    public void A_scope_added_from_a_retired_one_is_still_offered()
    {
        var retired = new Scope(ScopeCode.Parse("cnaf_adresse").Value, "cnaf", "CNAF", isRetired: true, "Adresse");

        Assert.False(Scope.Add("cnaf_adresse_v2", retired, "Adresse", null).Value.IsRetired);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_description_is_stored_as_none(string? description)
    {
        Assert.Null(Scope.Add("cnaf_allocataires", QuotientFamilial, "Allocataires", description).Value.Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Cnaf_Enfants")]
    [InlineData("cnaf-enfants")]
    [InlineData("1cnaf")]
    public void A_code_other_than_lower_case_snake_case_is_refused_on_the_code_field(string? code)
    {
        var result = Scope.Add(code, QuotientFamilial, "Enfants", null);

        Assert.Equal((ErrorKind?)ErrorKind.Validation, result.FailureKind);
        Assert.Equal(ScopeErrors.InvalidCode.ForField("Code"), Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Adding_a_scope_without_a_name_is_refused_on_the_label_field(string? label)
    {
        var result = Scope.Add("cnaf_enfants", QuotientFamilial, label, null);

        Assert.Equal((ErrorKind?)ErrorKind.Validation, result.FailureKind);
        Assert.Equal(ScopeErrors.LabelRequired.ForField("Label"), Assert.Single(result.Errors));
    }

    [Fact]
    public void Adding_reports_every_broken_rule_at_once()
    {
        var result = Scope.Add("Pas un code", QuotientFamilial, " ", new string('d', 501));

        Assert.Equal(["Code", "Label", "Description"], result.Errors.Select(e => e.Field));
        Assert.Equal(["scope.invalid_code", "scope.label_required", "scope.description_too_long"], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Adding_without_a_scope_of_the_provider_is_a_bug()
    {
        Assert.Throws<ArgumentNullException>(() => Scope.Add("cnaf_enfants", null!, "Enfants", null));
    }

    [Fact]
    public void A_name_of_200_characters_is_accepted_once_trimmed_and_201_refused()
    {
        var scope = new Scope(ScopeCode.Parse("cnaf_enfants").Value, "cnaf", "CNAF", isRetired: false, "Enfants");

        Assert.True(scope.Describe("  " + new string('a', 200) + "  ", null).IsSuccess);
        Assert.Equal(new string('a', 200), scope.Label);

        var result = scope.Describe(new string('a', 201), null);

        Assert.Equal(ScopeErrors.LabelTooLong.ForField("Label"), Assert.Single(result.Errors));
        Assert.Equal(new string('a', 200), scope.Label);
    }

    [Fact]
    public void A_description_of_500_characters_is_accepted_once_trimmed_and_501_refused()
    {
        var scope = new Scope(ScopeCode.Parse("cnaf_enfants").Value, "cnaf", "CNAF", isRetired: false, "Enfants");

        Assert.True(scope.Describe("Enfants", " " + new string('d', 500) + " ").IsSuccess);
        Assert.Equal(new string('d', 500), scope.Description);

        var result = scope.Describe("Enfants", new string('d', 501));

        Assert.Equal((ErrorKind?)ErrorKind.Validation, result.FailureKind);
        Assert.Equal(ScopeErrors.DescriptionTooLong.ForField("Description"), Assert.Single(result.Errors));
        Assert.Equal(new string('d', 500), scope.Description);
    }

    [Fact]
    public void Describing_renames_and_re_describes_but_keeps_the_code()
    {
        var scope = new Scope(ScopeCode.Parse("cnaf_enfants").Value, "cnaf", "CNAF", isRetired: false, "Enfants", "Ancienne description.");

        Assert.True(scope.Describe(" Enfants du foyer ", " Nouvelle description. ").IsSuccess);

        Assert.Equal(("cnaf_enfants", "Enfants du foyer", "Nouvelle description."), (scope.Code, scope.Label, scope.Description));

        Assert.True(scope.Describe("Enfants du foyer", "  ").IsSuccess);

        Assert.Null(scope.Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Describing_without_a_name_is_refused_and_changes_nothing(string? label)
    {
        var scope = new Scope(ScopeCode.Parse("cnaf_enfants").Value, "cnaf", "CNAF", isRetired: false, "Enfants", "Les enfants du foyer.");

        var result = scope.Describe(label, "Autre chose.");

        Assert.Equal((ErrorKind?)ErrorKind.Validation, result.FailureKind);
        Assert.Equal(ScopeErrors.LabelRequired.ForField("Label"), Assert.Single(result.Errors));
        Assert.Equal(("Enfants", "Les enfants du foyer."), (scope.Label, scope.Description));
    }

    [Fact]
    public void The_seeded_name_fills_only_a_scope_staff_never_named()
    {
        var unnamed = new Scope(ScopeCode.Parse("cnaf_enfants").Value, "cnaf", "CNAF", isRetired: false);
        var named = new Scope(ScopeCode.Parse("cnaf_adresse").Value, "cnaf", "CNAF", isRetired: false, "Adresse du foyer");

        unnamed.NameIfUnnamed("Enfants");
        named.NameIfUnnamed("Adresse");

        Assert.Equal(("Enfants", "Adresse du foyer"), (unnamed.Label, named.Label));
    }
}
