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
}
