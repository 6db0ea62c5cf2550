namespace Admin.Web.Infrastructure;

/// <summary><c>dotnet Admin.Web.dll healthcheck</c>: exit 0 when /health/ready answers 200.</summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string? urls)
    {
        var first = (urls ?? "http://localhost:8080").Split(';')[0].Replace("+", "localhost", StringComparison.Ordinal).Replace("*", "localhost", StringComparison.Ordinal);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            var response = await http.GetAsync(first.TrimEnd('/') + "/health/ready");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
