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
        if (what is not ("queue" or "gateway" or "usage"))
        {
            await Console.Error.WriteLineAsync("Usage: Admin.Bench queue [requests] | Admin.Bench gateway | Admin.Bench usage");
            return 2;
        }

#if DEBUG
        await Console.Error.WriteLineAsync("Warning: a Debug build; figures only count on -c Release.");
#endif
        var total = Stopwatch.StartNew();
        if (what == "gateway")
        {
            var figures = await GatewayBenchmark.RunAsync();
            foreach (var line in figures) Console.WriteLine(line);
            ReadmeFigures.Replace("gateway", ["## Gateway", "",
                "`dotnet run -c Release --project bench/Admin.Bench -- gateway` (needs Debian's `wrk` and `redis-server`; about 3 minutes. One run measures every ratio; figures vary by ±30 % between runs on this shared 2-core machine)", "", .. figures]);
            Console.WriteLine($"Done in {total.Elapsed.TotalMinutes:0.0} min; bench/README.md updated.");
            return 0;
        }

        if (what == "usage")
        {
            var figures = await UsageBenchmark.RunAsync();
            foreach (var line in figures) Console.WriteLine(line);
            ReadmeFigures.Replace("usage", ["## Usage", "",
                "`dotnet run -c Release --project bench/Admin.Bench -- usage` (about 10 minutes, most of it writing the 13 months of usage; needs about 8 GB in the temporary directory)", "", .. figures]);
            Console.WriteLine($"Done in {total.Elapsed.TotalMinutes:0.0} min; bench/README.md updated.");
            return 0;
        }

        var lines = await QueueBenchmark.RunAsync(requests);
        foreach (var line in lines) Console.WriteLine(line);
        ReadmeFigures.Replace("queue", ["## Staff queue", "", "`dotnet run -c Release --project bench/Admin.Bench -- queue` (target: p95 under 150 ms)", "", .. lines]);
        Console.WriteLine($"Done in {total.Elapsed.TotalMinutes:0.0} min; bench/README.md updated.");
        return 0;
    }
}
