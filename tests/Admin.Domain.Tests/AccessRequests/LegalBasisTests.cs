using Admin.Domain.AccessRequests;

namespace Admin.Domain.Tests.AccessRequests;

public class LegalBasisTests
{
    private const string Title = "Article L. 114-8 du code des relations entre le public et l'administration";
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static LegalDocument Pdf(long size = 250_000, string name = "deliberation.pdf") => new(Guid.NewGuid(), name, size, Sha);

    private static IReadOnlyList<string> CodesOf(LegalBasis legalBasis) => [.. legalBasis.Validate().Select(e => e.Code)];

    [Fact]
    public void Title_with_url_is_enough()
    {
        Assert.Empty(CodesOf(new LegalBasis(Title, "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000031367420", null)));
    }

    [Fact]
    public void Title_with_document_is_enough()
    {
        Assert.Empty(CodesOf(new LegalBasis(Title, null, Pdf())));
    }

    [Fact]
    public void Neither_url_nor_document_is_refused()
    {
        var error = Assert.Single(new LegalBasis(Title, " ", null).Validate());

        Assert.Equal(("access_request.legal_source_required", "Url"), (error.Code, error.Field));
    }

    [Fact]
    public void Title_is_required_and_limited_to_300_characters()
    {
        Assert.Equal(["access_request.legal_title_required"], CodesOf(new LegalBasis(null, "https://legifrance.gouv.fr", null)));
        Assert.Empty(CodesOf(new LegalBasis(new string('t', 300), "https://legifrance.gouv.fr", null)));
        Assert.Equal(["access_request.legal_title_too_long"], CodesOf(new LegalBasis(new string('t', 301), "https://legifrance.gouv.fr", null)));
    }

    [Fact]
    public void Url_must_be_absolute_http_or_https()
    {
        Assert.Equal(["access_request.legal_url_invalid"], CodesOf(new LegalBasis(Title, "legifrance.gouv.fr/texte", null)));
    }

    [Fact]
    public void Document_of_10_MiB_is_accepted_and_one_byte_more_refused()
    {
        Assert.Empty(CodesOf(new LegalBasis(Title, null, Pdf(10 * 1024 * 1024))));

        var error = Assert.Single(new LegalBasis(Title, null, Pdf(10 * 1024 * 1024 + 1)).Validate());
        Assert.Equal(("access_request.legal_document_too_large", "Document"), (error.Code, error.Field));
    }

    [Fact]
    public void Empty_document_is_refused()
    {
        Assert.Equal(["access_request.legal_document_empty"], CodesOf(new LegalBasis(Title, null, Pdf(0))));
    }

    [Fact]
    public void Document_other_than_pdf_is_refused()
    {
        Assert.Equal(["access_request.legal_document_not_pdf"], CodesOf(new LegalBasis(Title, null, Pdf(name: "deliberation.docx"))));
    }

    [Fact]
    public void Document_keeps_only_the_file_name_of_an_uploaded_path()
    {
        Assert.Equal("deliberation.pdf", Pdf(name: "C:/Users/agent/Documents/deliberation.pdf").FileName);
    }

    [Fact]
    public void Url_of_2000_characters_is_accepted_and_2001_refused_as_too_long()
    {
        var url = "https://legifrance.gouv.fr/" + new string('a', 1973);
        Assert.Equal(2000, url.Length);

        Assert.Empty(CodesOf(new LegalBasis(Title, url, null)));
        var error = Assert.Single(new LegalBasis(Title, url + "a", null).Validate());
        Assert.Equal(("access_request.legal_url_too_long", "Url"), (error.Code, error.Field));
    }

    [Fact]
    public void Errors_name_the_field_they_are_about()
    {
        var errors = new LegalBasis(new string('t', 301), "legifrance", Pdf(0, "texte.txt")).Validate();

        Assert.Equal(
            [("access_request.legal_title_too_long", "Title"), ("access_request.legal_url_invalid", "Url"),
             ("access_request.legal_document_not_pdf", "Document"), ("access_request.legal_document_empty", "Document")],
            errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Missing_title_and_source_are_both_reported()
    {
        Assert.Equal(
            [("access_request.legal_title_required", "Title"), ("access_request.legal_source_required", "Url")],
            new LegalBasis(" ", null, null).Validate().Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void A_url_and_a_document_may_be_given_together()
    {
        Assert.Empty(CodesOf(new LegalBasis(Title, "https://legifrance.gouv.fr", Pdf())));
    }

    [Fact]
    public void Pdf_extension_is_recognized_whatever_its_case()
    {
        Assert.Empty(CodesOf(new LegalBasis(Title, null, Pdf(name: "DELIBERATION.PDF"))));
    }

    [Fact]
    public void Document_keeps_the_last_255_characters_of_a_long_name_and_a_lower_case_hash()
    {
        var name = new string('n', 300) + ".pdf";

        var document = new LegalDocument(Guid.NewGuid(), "  " + name + " ", 1, Sha.ToUpperInvariant());

        Assert.Equal(name[^255..], document.FileName);
        Assert.Equal((Sha, 1L), (document.Sha256, document.SizeBytes));
        Assert.Equal(new string('n', 255), new LegalDocument(Guid.NewGuid(), new string('n', 255), 1, Sha).FileName);
    }

    [Theory]
    [InlineData("empty-id")]
    [InlineData("blank-name")]
    [InlineData("negative-size")]
    [InlineData("short-hash")]
    [InlineData("non-hex-hash")]
    public void A_document_without_id_name_size_or_sha256_is_a_bug(string defect)
    {
        Assert.ThrowsAny<ArgumentException>(() => defect switch
        {
            "empty-id" => new LegalDocument(Guid.Empty, "a.pdf", 1, Sha),
            "blank-name" => new LegalDocument(Guid.NewGuid(), " ", 1, Sha),
            "negative-size" => new LegalDocument(Guid.NewGuid(), "a.pdf", -1, Sha),
            "short-hash" => new LegalDocument(Guid.NewGuid(), "a.pdf", 1, Sha[1..]),
            _ => new LegalDocument(Guid.NewGuid(), "a.pdf", 1, "g" + Sha[1..]),
        });
    }

    [Fact]
    public void Text_is_trimmed_and_blank_url_is_missing()
    {
        var basis = new LegalBasis("  Délibération ", "   ", null);

        Assert.Equal(("Délibération", (string?)null), (basis.Title, basis.Url));
    }
}
