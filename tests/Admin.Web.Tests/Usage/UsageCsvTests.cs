using System.Text;
using Admin.Web.Features.Usage;
using Admin.Web.Infrastructure;

namespace Admin.Web.Tests.Usage;

/// <summary>The usage CSV writer on its own: cells quoted per RFC 4180, formulas defused, lines sent as they come.</summary>
public sealed class UsageCsvTests
{
    private static readonly Guid Key = Guid.NewGuid();
    private static readonly Guid Organization = Guid.NewGuid();
    private static readonly Guid Authorization = Guid.NewGuid();

    private static UsageCsv Writer(string keyName = "Logiciel", string organizationName = "Commune") => new(
        new Dictionary<Guid, KeyLabel> { [Key] = new(keyName, "apip_live_Ab12", "Production", Organization, Authorization) },
        new Dictionary<Guid, (string, string)> { [Organization] = (organizationName, "21750001600019") },
        new Dictionary<Guid, string> { [Authorization] = "DA-2026-000042" });

    private static UsageLine Line(string route = "/api/v2/composition-familiale", string code = "VALID", long calls = 3) =>
        new(new DateOnly(2026, 11, 30), Organization, Authorization, Key, route, "", code, calls, calls);

    private static async IAsyncEnumerable<UsageLine> Lines(params UsageLine[] lines)
    {
        foreach (var line in lines)
        {
            await Task.Yield();
            yield return line;
        }
    }

    private static async Task<string> WriteAsync(UsageCsv csv, params UsageLine[] lines)
    {
        using var output = new MemoryStream();
        await csv.WriteAsync(output, Lines(lines), CancellationToken.None);
        var bytes = output.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    [Fact]
    public async Task Cells_with_a_separator_a_quote_or_a_line_break_are_quoted_and_formulas_get_an_apostrophe()
    {
        var text = await WriteAsync(Writer(keyName: "=HYPERLINK(\"x\")", organizationName: "Syndicat; \"Eau\"\r\nNord"), Line(route: "+33"), Line(route: "-1", code: "UNKNOWN_CODE"), Line(route: "@SOMME"));

        var lines = text.Split("\r\n");
        Assert.Equal("Jour;Organisation;SIRET;Habilitation;Clé;Préfixe;Environnement;Route ou données;Résultat;Code;Appels;Unités", lines[0]);
        Assert.Equal("30/11/2026;\"Syndicat; \"\"Eau\"\"", lines[1]);
        Assert.Equal("Nord\";21750001600019;DA-2026-000042;\"'=HYPERLINK(\"\"x\"\")\";apip_live_Ab12;Production;'+33;Admis;VALID;3;3", lines[2]);
        Assert.EndsWith(";'-1;UNKNOWN_CODE;UNKNOWN_CODE;3;3", lines[4], StringComparison.Ordinal);
        Assert.EndsWith(";'@SOMME;Admis;VALID;3;3", lines[6], StringComparison.Ordinal);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public async Task A_line_of_an_unknown_key_keeps_its_figures_with_empty_names_and_the_test_token_is_named()
    {
        var csv = Writer();
        var unknown = Line() with { KeyId = Guid.NewGuid(), OrganizationId = null, AuthorizationId = null };
        var sandbox = Line() with { KeyId = Admin.Domain.ApiKeys.TestToken.FixedId, OrganizationId = null, AuthorizationId = null };

        var lines = (await WriteAsync(csv, unknown, sandbox)).Split("\r\n");

        Assert.Equal("30/11/2026;;;;;;;/api/v2/composition-familiale;Admis;VALID;3;3", lines[1]);
        Assert.Equal("30/11/2026;;;;test-token;test-token;Bac à sable;/api/v2/composition-familiale;Admis;VALID;3;3", lines[2]);
    }

    [Fact]
    public async Task Lines_reach_the_output_while_later_ones_are_still_being_read()
    {
        var output = new MemoryStream();
        long writtenWhenHalfRead = 0;
        async IAsyncEnumerable<UsageLine> Slowly()
        {
            for (var i = 0; i < 3 * UsageCsv.FlushEvery; i++)
            {
                if (i == (3 * UsageCsv.FlushEvery) / 2) writtenWhenHalfRead = output.Length;
                await Task.Yield();
                yield return Line(calls: i);
            }
        }

        await Writer().WriteAsync(output, Slowly(), CancellationToken.None);

        Assert.True(writtenWhenHalfRead > 0, "nothing was written before the last line was read");
        Assert.True(writtenWhenHalfRead > output.Length / 3, $"only {writtenWhenHalfRead} of {output.Length} bytes out at half-way");
        Assert.Equal(3 * UsageCsv.FlushEvery + 2, Encoding.UTF8.GetString(output.ToArray()).Split("\r\n").Length);
    }

    [Fact]
    public void A_cell_that_needs_nothing_is_written_as_it_is()
    {
        Assert.Equal("Commune de Test", CsvWriter.Cell("Commune de Test"));
        Assert.Equal("", CsvWriter.Cell(null));
        Assert.Equal("\"'=1;2\"", CsvWriter.Cell("=1;2"));
    }
}
