using System.Diagnostics;
using System.Globalization;
using Admin.Domain.AccessRequests;
using Admin.Domain.Authorizations;
using Admin.Domain.Charters;
using Admin.Domain.Messages;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Review;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Admin.Bench;

/// <summary>
/// The staff queue's server time (the query behind /instruction/demandes, through the app's own
/// mediator and SQLite file) on a database of N requests in every state, with their submissions,
/// messages (about one and a half per request sent, some read by the instructor) and audit rows:
/// default view, a filtered view, and a search by SIRET.
/// </summary>
internal static class QueueBenchmark
{
    private const int Organizations = 1_000;
    private const int Warmup = 20;
    private const int Iterations = 200;

    public static async Task<IReadOnlyList<string>> RunAsync(int requestCount)
    {
        await using var app = new Bench.App();
        var seed = Stopwatch.StartNew();
        var sirets = await SeedAsync(app, requestCount);
        var (messages, auditRows) = await CountAsync(app);
        Console.WriteLine($"Seeded {requestCount:N0} requests for {Organizations:N0} organizations in {seed.Elapsed.TotalSeconds:0} s");

        var scenarios = new (string Name, Queue.Query Query)[]
        {
            ("default", new Queue.Query()),
            ("filtered", new Queue.Query(Status: AccessRequestStatus.Submitted, Provider: "CNAF", Kind: OrganizationKind.Commune, MinDaysWaiting: 1)),
            // Organization 15 has requests awaiting staff (state 15 of each hundred is "submitted").
            ("siret", new Queue.Query(Search: sirets[15])),
        };
        var lines = new List<string>
        {
            $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion.VersionString}, .NET {Environment.Version}; "
            + $"{requestCount:N0} requests with {messages:N0} messages and {auditRows:N0} audit rows, {Iterations} runs after {Warmup} warm-up runs, {DateTime.UtcNow:yyyy-MM-dd}.",
            "",
        };
        foreach (var (name, query) in scenarios)
        {
            var times = new List<double>();
            var rows = 0;
            for (var i = 0; i < Warmup + Iterations; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                var watch = Stopwatch.StartNew();
                var view = await mediator.Send(query);
                watch.Stop();
                rows = view.Value.Total;
                if (i >= Warmup) times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            var median = times[times.Count / 2];
            var p95 = times[(int)Math.Ceiling(times.Count * 0.95) - 1];
            var label = name == "default" ? "queue" : $"queue {name}";
            lines.Add($"{label} median: {median.ToString("0.0", CultureInfo.InvariantCulture)} ms  ");
            lines.Add($"{label} p95: {p95.ToString("0.0", CultureInfo.InvariantCulture)} ms ({rows:N0} matching requests)  ");
        }

        return lines;
    }

    private static async Task<(int Messages, int AuditRows)> CountAsync(Bench.App app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
        return (await db.RequestMessages.CountAsync(), await db.AuditEvents.CountAsync());
    }

    /// <summary>Organizations, then requests in batches through the domain's own behaviours (so submissions and audit rows are real).</summary>
    private static async Task<IReadOnlyList<string>> SeedAsync(Bench.App app, int requestCount)
    {
        var organizations = new List<(Organization Organization, Guid Applicant, string Siret)>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
            var now = DateTimeOffset.UtcNow.AddYears(-1);
            // The instructor who reads the queue (and writes some of the messages).
            var instructor = new AppUser { Id = Bench.User.UserId, UserName = "instructeur@bench.fr", Email = "instructeur@bench.fr", EmailConfirmed = true,
                FirstName = "Isabelle", LastName = "Bench", CreatedAt = now };
            instructor.NormalizedEmail = instructor.Email.ToUpperInvariant();
            instructor.NormalizedUserName = instructor.UserName.ToUpperInvariant();
            db.Users.Add(instructor);
            for (var i = 0; i < Organizations; i++)
            {
                var user = new AppUser { UserName = $"demandeur{i}@bench.fr", Email = $"demandeur{i}@bench.fr", EmailConfirmed = true, FirstName = "Camille", LastName = $"Bench {i}", CreatedAt = now };
                user.NormalizedEmail = user.Email.ToUpperInvariant();
                user.NormalizedUserName = user.UserName.ToUpperInvariant();
                db.Users.Add(user);
                var siret = Bench.SiretFor(i);
                var organization = Organization.Register(Siret.Parse(siret).Value, $"Commune n° {i}", i % 5 == 0 ? OrganizationKind.Epci : OrganizationKind.Commune,
                    Address.Create("1 place de la Mairie", "75001", "Paris").Value, user.Id, now).Value;
                db.Organizations.Add(organization);
                organizations.Add((organization, user.Id, siret));
            }

            await db.SaveChangesAsync();
        }

        CharterVersion charter;
        IReadOnlySet<string> offerable;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
            charter = await db.CharterVersions.AsNoTracking().OrderByDescending(c => c.Major).ThenByDescending(c => c.Minor).FirstAsync();
            offerable = (await db.Scopes.AsNoTracking().Where(s => !s.IsRetired).Select(s => s.Code).ToListAsync()).ToHashSet();
        }

        var staff = new StaffMember(Bench.User.UserId, new HashSet<string> { Roles.Instructor }, new HashSet<Guid>());
        var scopes = new[] { new[] { "cnaf_quotient_familial" }, ["men_statut_scolarite", "men_statut_boursier"], ["cnous_statut_boursier"], ["cnaf_allocataires", "cnaf_enfants"] };
        const int batch = 1_000;
        var start = DateTimeOffset.UtcNow.AddMonths(-13);
        for (var done = 0; done < requestCount; done += batch)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var acceptances = new Dictionary<Guid, CharterAcceptance>();
            for (var i = done; i < Math.Min(requestCount, done + batch); i++)
            {
                var (organization, applicant, _) = organizations[i % organizations.Count];
                var orgId = organization.Id;
                var at = start.AddMinutes(i * 5.0 * 60 * 24 * 395 / requestCount / 5);
                if (!acceptances.TryGetValue(orgId, out var acceptance))
                {
                    acceptance = CharterAcceptance.Record(charter, applicant, orgId, at, "192.0.2.1");
                    acceptances[orgId] = acceptance;
                    db.CharterAcceptances.Add(acceptance);
                }

                var request = AccessRequest.Create(orgId, applicant, at);
                request.SaveProcedure(applicant, new Procedure($"Démarche {i}", "Description de la démarche.", null, "Attestation CAF", null, 1000, ProcedureModalities.CitizenForm), at);
                request.SaveLegalBasis(applicant, new LegalBasis("Délibération", "https://exemple.fr/deliberation", null), at);
                request.SaveScopes(applicant, scopes[i % scopes.Length], offerable, at);
                request.SaveDataProtection(applicant, new DataProtection("Service", 12, null), at);
                Contact Person() => new("Camille", "Martin", "camille@bench.fr", "01 23 45 67 89");
                request.SaveContacts(applicant, new Contacts(Person(), Person(), Person()), at);
                request.SaveEngagements(applicant, acceptance, true, true, charter, at);
                var state = i % 100;
                if (state >= 10) Bench.Ensure(request.Submit(applicant, charter, offerable, at.AddHours(1)));
                if (state is >= 10 and < 14) Bench.Ensure(request.RequestChanges(staff, "Précisez.", at.AddDays(2)));
                else if (state is >= 22 and < 30) Bench.Ensure(request.Refuse(staff, "Hors champ.", at.AddDays(3)));
                else if (state >= 30)
                {
                    var approved = request.Approve(staff, Grant.Create(request.Scopes, request.Scopes, offerable, null, null, null, null, at.AddDays(4)).Value, null, at.AddDays(4));
                    Bench.Ensure(approved);
                    db.Authorizations.Add(approved.Value);
                }

                db.AccessRequests.Add(request);

                // The thread: a question from the organization on every request sent, an answer on every other
                // one, and the instructor has read a third of them.
                if (state >= 10)
                {
                    db.RequestMessages.Add(Bench.Ensure(RequestMessage.FromMember(request, organization, applicant, "Une question sur la demande.", at.AddHours(2))));
                    if (i % 2 == 0) db.RequestMessages.Add(Bench.Ensure(RequestMessage.FromStaff(request, staff, "La réponse de l'instruction.", at.AddHours(3))));
                    if (i % 3 == 0) db.MessageReadMarkers.Add(new MessageReadMarker(Bench.User.UserId, request.Id, at.AddHours(4)));
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            if ((done / batch) % 10 == 0) Console.WriteLine($"  {done + batch:N0} requests…");
        }

        return organizations.Select(o => o.Siret).ToList();
    }
}
