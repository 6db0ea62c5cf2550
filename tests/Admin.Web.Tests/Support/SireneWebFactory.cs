using Microsoft.AspNetCore.Hosting;

namespace Admin.Web.Tests.Support;

/// <summary>The application with <c>Sirene:BaseUrl</c> pointing at a <see cref="SireneStub"/> of its own.</summary>
public sealed class SireneWebFactory : AdminWebFactory
{
    public SireneStub Stub { get; } = SireneStub.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sirene:BaseUrl", Stub.BaseUrl);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Stub.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
