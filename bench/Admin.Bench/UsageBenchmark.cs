using System.Diagnostics;
using System.Globalization;
using Admin.Domain.AccessRequests;
using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Charters;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Keys;
using Admin.Infrastructure.Persistence;
using Admin.Infrastructure.Usage;
using Admin.Web.Features.Usage;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Bench;

/// <summary>
/// The usage page's server time (the query behind /habilitations/{id}/consommation, through the app's own
/// mediator and SQLite file) with 13 months of hourly usage for 10,000 keys (1,000 organizations, one
/// authorization of ten keys each), rolled up by the real job; and the roll-up's own time.
/// Activity: every key calls on working days in office hours (Paris); the 50 "heavy" authorizations'
/// keys every office hour, through the JSON API and forward-auth, with refusals; the others four hours a day.
/// </summary>
internal static class UsageBenchmark
{
    private const int Organizations = 1_000;
    private const int KeysPerAuthorization = 10;
    private const int Heavy = 50;
    private const int Warmup = 20;
    private const int Iterations = 200;

    public static async Task<IReadOnlyList<string>> RunAsync()
    {
        await using var app = new Bench.App();
        var seed = Stopwatch.StartNew();
        var authorizations = await SeedKeysAsync(app);
        var (hourly, fileBytes) = await SeedUsageAsync(app, authorizations);
        Console.WriteLine($"Seeded {authorizations.Count * KeysPerAuthorization:N0} keys and {hourly:N0} hourly rows in {seed.Elapsed.TotalSeconds:0} s");

        var rollup = Stopwatch.StartNew();
        UsageRollupJob.Outcome outcome;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            outcome = await scope.ServiceProvider.GetRequiredService<UsageRollupJob>().RunAsync(CancellationToken.None);
        }

        rollup.Stop();
        var daily = await app.WithDbAsync(db => db.KeyUsageDays.LongCountAsync());
        Console.WriteLine($"Rolled up {outcome.DaysRolledUp} days into {daily:N0} daily rows in {rollup.Elapsed.TotalSeconds:0} s");

        var heavy = authorizations.Take(Heavy).ToList();
        var lines = new List<string>
        {
            $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion.VersionString}, .NET {Environment.Version}; SQLite file of {fileBytes / 1_000_000_000.0:0.0} GB: "
            + $"{authorizations.Count * KeysPerAuthorization:N0} keys, {hourly:N0} hourly rows over 13 months (working days, office hours; {Heavy} authorizations every office hour, the rest four hours a day), "
            + $"{daily:N0} daily rows; {Iterations} runs after {Warmup} warm-up runs over the {Heavy} busiest authorizations, {DateTime.UtcNow:yyyy-MM-dd}.",
            "",
        };
        lines.AddRange(await TimeAsync<PartnerUsage.View>(app, "usage", i => new PartnerUsage.Query(heavy[i % heavy.Count].AuthorizationId, null, AsStaff: true),
            "authorization page: 90 days and 48 hours of its 10 keys, quotas, addresses; target ≤ 300 ms"));
        lines.AddRange(await TimeAsync<PartnerUsage.View>(app, "usage key", i => new PartnerUsage.Query(heavy[i % heavy.Count].AuthorizationId, heavy[i % heavy.Count].KeyIds[i % KeysPerAuthorization], AsStaff: true),
            "one key's page"));
        lines.AddRange(await TimeAsync<StaffUsage.View>(app, "usage staff", _ => new StaffUsage.Query(30), "staff page over 30 days: tops, refusals by code, close to quota, unused keys"));
        var small = await ExportAsync(app, 12);
        var large = await ExportAsync(app, 150);
        lines.Add($"export peak memory: {large.ManagedMb.ToString("0.0", CultureInfo.InvariantCulture)} MB managed heap, {large.RssMb.ToString("0", CultureInfo.InvariantCulture)} MB process growth "
            + $"({large.Lines:N0} lines, {large.Bytes / 1_000_000.0:0} MB of CSV in {large.Seconds:0.0} s; the same export of {small.Lines:N0} lines: "
            + $"{small.ManagedMb.ToString("0.0", CultureInfo.InvariantCulture)} MB managed heap, {small.RssMb.ToString("0", CultureInfo.InvariantCulture)} MB process growth)  ");
        lines.Add($"usage roll-up of 13 months: {rollup.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s ({outcome.DaysRolledUp} days, {daily:N0} daily rows, one statement per day)  ");
        return lines;
    }

    private static async Task<IReadOnlyList<string>> TimeAsync<TView>(Bench.App app, string label, Func<int, IQuery<Admin.Domain.Common.Result<TView>>> query, string what)
    {
        var times = new List<double>();
        long calls = 0;
        for (var i = 0; i < Warmup + Iterations; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var watch = Stopwatch.StartNew();
            var view = await mediator.Send(query(i));
            watch.Stop();
            if (view.IsFailure) throw new InvalidOperationException(string.Join(", ", view.Errors.Select(e => e.Code)));
            calls = view.Value is PartnerUsage.View usage ? usage.Total90Days : -1;
            if (i >= Warmup) times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = times[times.Count / 2];
        var p95 = times[(int)Math.Ceiling(times.Count * 0.95) - 1];
        return
        [
            $"{label} median: {median.ToString("0.0", CultureInfo.InvariantCulture)} ms  ",
            $"{label} p95: {p95.ToString("0.0", CultureInfo.InvariantCulture)} ms ({what}{(calls >= 0 ? $"; the last one showed {calls:N0} calls in 90 days" : "")})  ",
        ];
    }

    private sealed record ExportFigures(long Lines, long Bytes, double Seconds, double ManagedMb, double RssMb);

    /// <summary>
    /// The staff export of the last <paramref name="days"/> days for every organization, written to a stream that
    /// only counts, while the managed heap (garbage included) and the process's resident memory are sampled every
    /// 5 ms; both are given as growth over what they were just before.
    /// </summary>
    private static async Task<ExportFigures> ExportAsync(Bench.App app, int days)
    {
        var today = ParisTime.Today(DateTimeOffset.UtcNow);
        await using var scope = app.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var download = await mediator.Send(new UsageExport.ForStaff(null, today.AddDays(1 - days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (download.IsFailure) throw new InvalidOperationException(string.Join(", ", download.Errors.Select(e => e.Code)));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var rssBefore = process.WorkingSet64;
        long managedPeak = managedBefore, rssPeak = rssBefore;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                managedPeak = Math.Max(managedPeak, GC.GetTotalMemory(false));
                process.Refresh();
                rssPeak = Math.Max(rssPeak, process.WorkingSet64);
                try { await Task.Delay(5, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var output = new CountingStream();
        var watch = Stopwatch.StartNew();
        await download.Value.WriteToAsync(output, CancellationToken.None);
        watch.Stop();
        await stop.CancelAsync();
        await sampler;
        return new ExportFigures(output.Lines - 1, output.Length, watch.Elapsed.TotalSeconds,
            (managedPeak - managedBefore) / 1_000_000.0, (rssPeak - rssBefore) / 1_000_000.0);
    }

    /// <summary>A write-only stream that keeps nothing: it counts bytes and line ends.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public long Lines { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _length += buffer.Length;
            foreach (var b in buffer) if (b == (byte)'\n') Lines++;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }
    }

    internal sealed record SeededAuthorization(Guid AuthorizationId, Guid OrganizationId, Guid[] KeyIds);

    /// <summary>Organizations, each with an approved request and its authorization, and ten keys, through the domain.</summary>
    private static async Task<IReadOnlyList<SeededAuthorization>> SeedKeysAsync(Bench.App app)
    {
        var now = DateTimeOffset.UtcNow;
        var start = now.AddMonths(-14);
        CharterVersion charter;
        IReadOnlySet<string> offerable;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
            charter = await db.CharterVersions.AsNoTracking().OrderByDescending(c => c.Major).ThenByDescending(c => c.Minor).FirstAsync();
            offerable = (await db.Scopes.AsNoTracking().Where(s => !s.IsRetired).Select(s => s.Code).ToListAsync()).ToHashSet();
            var instructor = new AppUser { Id = Bench.User.UserId, UserName = "instructeur@bench.fr", Email = "instructeur@bench.fr", EmailConfirmed = true,
                FirstName = "Isabelle", LastName = "Bench", CreatedAt = start };
            instructor.NormalizedEmail = instructor.Email.ToUpperInvariant();
            instructor.NormalizedUserName = instructor.UserName.ToUpperInvariant();
            db.Users.Add(instructor);
            await db.SaveChangesAsync();
        }

        var staff = new StaffMember(Bench.User.UserId, new HashSet<string> { Roles.Instructor }, new HashSet<Guid>());
        var result = new List<SeededAuthorization>();
        const int batch = 100;
        for (var done = 0; done < Organizations; done += batch)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < done + batch; i++)
            {
                var user = new AppUser { UserName = $"demandeur{i}@bench.fr", Email = $"demandeur{i}@bench.fr", EmailConfirmed = true, FirstName = "Camille", LastName = $"Bench {i}", CreatedAt = start };
                user.NormalizedEmail = user.Email.ToUpperInvariant();
                user.NormalizedUserName = user.UserName.ToUpperInvariant();
                db.Users.Add(user);
                var organization = Organization.Register(Siret.Parse(Bench.SiretFor(i)).Value, $"Commune n° {i}", OrganizationKind.Commune,
                    Address.Create("1 place de la Mairie", "75001", "Paris").Value, user.Id, start).Value;
                db.Organizations.Add(organization);
                var acceptance = CharterAcceptance.Record(charter, user.Id, organization.Id, start, "192.0.2.1");
                db.CharterAcceptances.Add(acceptance);
                var request = AccessRequest.Create(organization.Id, user.Id, start);
                request.SaveProcedure(user.Id, new Procedure($"Tarification {i}", "Description de la démarche.", null, "Attestation CAF", null, 1000, ProcedureModalities.CitizenForm), start);
                request.SaveLegalBasis(user.Id, new LegalBasis("Délibération", "https://exemple.fr/deliberation", null), start);
                request.SaveScopes(user.Id, ["cnaf_quotient_familial", "cnaf_allocataires"], offerable, start);
                request.SaveDataProtection(user.Id, new DataProtection("Service", 12, null), start);
                Contact Person() => new("Camille", "Martin", "camille@bench.fr", "01 23 45 67 89");
                request.SaveContacts(user.Id, new Contacts(Person(), Person(), Person()), start);
                request.SaveEngagements(user.Id, acceptance, true, true, charter, start);
                Bench.Ensure(request.Submit(user.Id, charter, offerable, start.AddHours(1)));
                var grant = Bench.Ensure(Grant.Create(request.Scopes, request.Scopes, offerable, 20, 50_000, 1_000_000, null, start.AddDays(1)));
                var authorization = Bench.Ensure(request.Approve(staff, grant, null, start.AddDays(1)));
                db.AccessRequests.Add(request);
                db.Authorizations.Add(authorization);
                var keys = new Guid[KeysPerAuthorization];
                for (var k = 0; k < KeysPerAuthorization; k++)
                {
                    var key = Bench.Ensure(ApiKey.Issue(authorization, organization, user.Id, $"Logiciel {k}", ApiKeyEnvironment.Production,
                        ApiKeySecrets.Generate(ApiKeyEnvironment.Production).Material, start.AddDays(2)));
                    db.ApiKeys.Add(key);
                    keys[k] = key.Id;
                }

                result.Add(new SeededAuthorization(authorization.Id, organization.Id, keys));
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        return result;
    }

    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    /// <summary>13 months of hourly rows, written straight into the SQLite file (one prepared insert, large transactions).</summary>
    private static async Task<(long Rows, long FileBytes)> SeedUsageAsync(Bench.App app, IReadOnlyList<SeededAuthorization> authorizations)
    {
        string connectionString;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<AdminDbContext>().Database.GetConnectionString()!;
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000;";
            await pragma.ExecuteNonQueryAsync();
        }

        var now = DateTimeOffset.UtcNow;
        var today = ParisTime.Today(now);
        var first = today.AddMonths(-13).AddDays(1);
        var currentHour = Admin.Domain.Usage.KeyUsageHour.HourOf(now);
        var random = new Random(13);
        long rows = 0;
        var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO \"KeyUsageHours\" (\"KeyId\", \"AuthorizationId\", \"OrganizationId\", \"Hour\", \"Route\", \"Scope\", \"Code\", \"Calls\", \"Units\") " +
            "VALUES ($k, $a, $o, $h, $r, $s, $c, $n, $u)";
        var p = new[] { "$k", "$a", "$o", "$h", "$r", "$s", "$c", "$n", "$u" }.Select(name => insert.Parameters.AddWithValue(name, "")).ToArray();
        insert.Prepare();
        for (var index = 0; index < authorizations.Count; index++)
        {
            var authorization = authorizations[index];
            var heavy = index < Heavy;
            foreach (var keyId in authorization.KeyIds)
            {
                p[0].Value = keyId.ToString().ToUpperInvariant();
                p[1].Value = authorization.AuthorizationId.ToString().ToUpperInvariant();
                p[2].Value = authorization.OrganizationId.ToString().ToUpperInvariant();
                for (var day = first; day <= today; day = day.AddDays(1))
                {
                    if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
                    var opening = ParisTime.StartOfDay(day).AddHours(8);
                    for (var h = 0; h < 10; h++)
                    {
                        if (!heavy && random.Next(10) >= 4) continue;
                        var hour = opening.AddHours(h);
                        if (hour > currentHour) break;
                        p[3].Value = SqliteTime.ConvertToProvider(hour);
                        void Row(string route, string scope, string code, int calls)
                        {
                            p[4].Value = route;
                            p[5].Value = scope;
                            p[6].Value = code;
                            p[7].Value = calls;
                            p[8].Value = code == "VALID" ? calls : 0;
                            insert.ExecuteNonQuery();
                            rows++;
                        }

                        Row("", "cnaf_quotient_familial", "VALID", random.Next(1, 80));
                        if (heavy) Row("/api/v2/composition-familiale-v2", "", "VALID", random.Next(1, 40));
                        if (random.Next(10) < (heavy ? 2 : 1)) Row("", "cnaf_enfants", "INSUFFICIENT_SCOPE", random.Next(1, 5));
                        if (rows % 500_000 == 0)
                        {
                            transaction.Commit();
                            transaction.Dispose();
                            transaction = connection.BeginTransaction();
                            insert.Transaction = transaction;
                        }
                    }
                }
            }

            if (index % 100 == 99) Console.WriteLine($"  usage of {(index + 1) * KeysPerAuthorization:N0} keys: {rows:N0} hourly rows…");
        }

        transaction.Commit();
        transaction.Dispose();
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return (rows, new FileInfo(file).Length);
    }

    private static async Task<T> WithDbAsync<T>(this Bench.App app, Func<AdminDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AdminDbContext>());
    }
}
