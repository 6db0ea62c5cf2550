using System.Diagnostics;
using System.Globalization;

namespace Admin.Bench;

/// <summary>
/// Benchmarks that print figures and write them to bench/README.md. Run on a Release build:
/// <c>dotnet run -c Release --project bench/Admin.Bench -- queue [requests]</c>.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> Main(string[] args)
    {
        var what = args.FirstOrDefault() ?? "queue";
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        if (what != "queue")
        {
            await Console.Error.WriteLineAsync("Usage: Admin.Bench queue [requests]");
            return 2;
        }

#if DEBUG
        await Console.Error.WriteLineAsync("Warning: a Debug build; figures only count on -c Release.");
#endif
        var total = Stopwatch.StartNew();
        var lines = await QueueBenchmark.RunAsync(requests);
        foreach (var line in lines) Console.WriteLine(line);
        ReadmeFigures.Replace("queue", ["## Staff queue", "", "`dotnet run -c Release --project bench/Admin.Bench -- queue` (target: p95 under 150 ms)", "", .. lines]);
        Console.WriteLine($"Done in {total.Elapsed.TotalMinutes:0.0} min; bench/README.md updated.");
        return 0;
    }
}
