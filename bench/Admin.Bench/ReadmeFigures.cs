namespace Admin.Bench;

/// <summary>Rewrites one section of bench/README.md between <c>&lt;!-- name --&gt;</c> and <c>&lt;!-- /name --&gt;</c>.</summary>
internal static class ReadmeFigures
{
    public static void Replace(string section, IEnumerable<string> lines)
    {
        var path = Path.Combine(RepositoryRoot(), "bench", "README.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Figures\n";
        var start = $"<!-- {section} -->";
        var end = $"<!-- /{section} -->";
        var block = start + "\n" + string.Join("\n", lines) + "\n" + end;
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from ? text[..from] + block + text[(to + end.Length)..] : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ApiParticulier.Admin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
