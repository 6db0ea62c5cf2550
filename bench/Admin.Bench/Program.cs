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
            // The app runs as the Dockerfile deploys it: glibc reads MALLOC_ARENA_MAX when the process starts, so the
            // benchmark starts itself again with it when it is missing.
            if (Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null && OperatingSystem.IsLinux())
            {
                var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
                var command = Environment.GetCommandLineArgs();
                // Under "dotnet Admin.Bench.dll", the first argument is the assembly to run again.
                if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(command[0]);
                foreach (var arg in command.Skip(1)) start.ArgumentList.Add(arg);
                start.Environment["MALLOC_ARENA_MAX"] = "2";
                using var child = Process.Start(start)!;
                await child.WaitForExitAsync();
                return child.ExitCode;
            }

            var figures = await GatewayBenchmark.RunAsync();
            foreach (var line in figures) Console.WriteLine(line);
            ReadmeFigures.Replace("gateway", ["## Gateway", "",
                "`dotnet run -c Release --project bench/Admin.Bench -- gateway` (needs Debian's `wrk` and `redis-server`; about 4 minutes. The app runs as deployed: Production, `MALLOC_ARENA_MAX=2`; each wrk target is warmed until the JIT settles, ADR 0022. One run measures every ratio; figures vary by ±30 % between runs on this shared 2-core machine)", "", .. figures]);
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
