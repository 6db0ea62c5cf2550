using Admin.Domain.AccessRequests;
using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;

namespace Admin.Domain.Tests.AccessRequests;

public class ProcedureTests
{
    private static readonly Procedure Valid = ValidProcedure;

    private static IReadOnlyList<string> CodesOf(Procedure procedure) =>
        [.. procedure.Validate(TestClock.Today).Select(e => e.Code)];

    private static Procedure With(string? name = "", string? description = "", string? url = "", string? simplification = "",
        DateOnly? goLive = null, int? volume = -1, ProcedureModalities? modalities = null) => new(
        name == "" ? Valid.Name : name,
        description == "" ? Valid.Description : description,
        url == "" ? Valid.PublicUrl : url,
        simplification == "" ? Valid.Simplification : simplification,
        goLive ?? Valid.ExpectedGoLive,
        volume == -1 ? Valid.YearlyVolume : volume,
        modalities ?? Valid.Modalities);

    [Fact]
    public void Valid_procedure_has_no_error()
    {
        Assert.Empty(CodesOf(Valid));
    }

    [Fact]
    public void Name_is_required_and_limited_to_200_characters()
    {
        Assert.Equal(["access_request.procedure_name_required"], CodesOf(With(name: "  ")));
        Assert.Empty(CodesOf(With(name: new string('n', 200))));
        Assert.Equal(["access_request.procedure_name_too_long"], CodesOf(With(name: new string('n', 201))));
    }

    [Fact]
    public void Description_is_required_and_limited_to_4000_characters()
    {
        Assert.Equal(["access_request.procedure_description_required"], CodesOf(With(description: null)));
        Assert.Empty(CodesOf(With(description: new string('d', 4000))));
        Assert.Equal(["access_request.procedure_description_too_long"], CodesOf(With(description: new string('d', 4001))));
    }

    [Fact]
    public void Windows_line_breaks_count_as_one_character()
    {
        var typed = string.Join("\r\n", Enumerable.Repeat(new string('d', 99), 40)); // 3960 + 39 line breaks

        Assert.Empty(CodesOf(With(description: typed)));
    }

    [Fact]
    public void Simplification_is_required_and_limited_to_2000_characters()
    {
        Assert.Equal(["access_request.simplification_required"], CodesOf(With(simplification: null)));
        Assert.Equal(["access_request.simplification_too_long"], CodesOf(With(simplification: new string('s', 2001))));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://www.service-public.fr/demarche", true)]
    [InlineData("http://mairie.example.fr", true)]
    [InlineData("www.paris.fr", false)]
    [InlineData("ftp://paris.fr/demarche", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/demarche", false)]
    [InlineData("http:///demarche", false)]
    [InlineData("https://", false)]
    public void Public_url_is_optional_but_absolute_http_or_https(string? url, bool accepted)
    {
        var codes = CodesOf(With(url: url));

        if (accepted) Assert.Empty(codes);
        else Assert.Equal(["access_request.procedure_url_invalid"], codes);
    }

    [Fact]
    public void Public_url_is_limited_to_2000_characters()
    {
        Assert.Equal(["access_request.procedure_url_too_long"], CodesOf(With(url: "https://paris.fr/" + new string('a', 1984))));
    }

    [Fact]
    public void Go_live_today_is_accepted_and_yesterday_refused()
    {
        Assert.Empty(CodesOf(With(goLive: TestClock.Today)));
        Assert.Equal(["access_request.go_live_in_past"], CodesOf(With(goLive: TestClock.Today.AddDays(-1))));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(0, true)]
    [InlineData(100_000_000, true)]
    [InlineData(-5, false)]
    [InlineData(100_000_001, false)]
    public void Yearly_volume_is_optional_between_0_and_100_million(int? volume, bool accepted)
    {
        var codes = CodesOf(new Procedure(Valid.Name, Valid.Description, Valid.PublicUrl, Valid.Simplification, Valid.ExpectedGoLive, volume, Valid.Modalities));

        if (accepted) Assert.Empty(codes);
        else Assert.Equal(["access_request.yearly_volume_out_of_range"], codes);
    }

    [Fact]
    public void At_least_one_modality_is_required()
    {
        Assert.Equal(["access_request.modality_required"], CodesOf(With(modalities: ProcedureModalities.None)));
        Assert.Empty(CodesOf(With(modalities: ProcedureModalities.AgentTypedParameters)));
    }

    [Fact]
    public void Public_url_and_simplification_of_exactly_2000_characters_are_accepted()
    {
        var url = "https://paris.fr/" + new string('a', 1983);
        Assert.Equal(2000, url.Length);

        Assert.Empty(CodesOf(With(url: url, simplification: new string('s', 2000))));
    }

    [Fact]
    public void A_too_long_url_is_reported_as_too_long_only()
    {
        var errors = With(url: "pas une adresse " + new string('a', 2000)).Validate(TestClock.Today);

        Assert.Equal([("access_request.procedure_url_too_long", "PublicUrl")], errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void An_empty_procedure_names_each_missing_field()
    {
        var errors = new Procedure(null, null, null, null, null, null, ProcedureModalities.None).Validate(TestClock.Today);

        Assert.Equal(
            [("access_request.procedure_name_required", "Name"), ("access_request.procedure_description_required", "Description"),
             ("access_request.simplification_required", "Simplification"), ("access_request.modality_required", "Modalities")],
            errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Errors_name_the_field_they_are_about()
    {
        var errors = new Procedure(new string('n', 201), new string('d', 4001), "www.paris.fr", new string('s', 2001),
            TestClock.Today.AddDays(-1), -1, ProcedureModalities.CitizenForm).Validate(TestClock.Today);

        Assert.Equal(["Name", "Description", "PublicUrl", "Simplification", "ExpectedGoLive", "YearlyVolume"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Unknown_modality_flags_are_dropped()
    {
        var procedure = With(modalities: (ProcedureModalities)8);

        Assert.Equal(ProcedureModalities.None, procedure.Modalities);
        Assert.Equal(["access_request.modality_required"], CodesOf(procedure));
        Assert.Equal(ProcedureModalities.FranceConnect, With(modalities: (ProcedureModalities)12).Modalities);
    }

    [Fact]
    public void Text_is_trimmed_and_blank_text_is_missing()
    {
        var procedure = new Procedure("  Cantine ", " \r\n ", "  ", "\tAttestation\r\nCAF ", null, null, ProcedureModalities.CitizenForm);

        Assert.Equal(("Cantine", (string?)null, (string?)null, "Attestation\nCAF"), (procedure.Name, procedure.Description, procedure.PublicUrl, procedure.Simplification));
    }

    [Fact]
    public void Go_live_is_compared_with_the_paris_date_when_saved()
    {
        // 22:30 UTC on 2 June is already 3 June in Paris: a go-live on 2 June is in the past.
        var lateEvening = new DateTimeOffset(2025, 6, 2, 22, 30, 0, TimeSpan.Zero);
        var request = Draft().Build();

        var errors = request.SaveProcedure(Applicant, With(goLive: new DateOnly(2025, 6, 2)), lateEvening).Value;

        Assert.Equal([("access_request.go_live_in_past", "ExpectedGoLive")], errors.Select(e => (e.Code, e.Field)));
    }
}
