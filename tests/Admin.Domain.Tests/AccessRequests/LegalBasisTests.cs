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
}
