using System.Text;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Web;

/// <summary>
/// A key's (and a gateway credential's) secret is shown once and kept nowhere in clear: not in the database file, the e-mails
/// (rows and .eml files), the audit rows, nor the logs.
/// </summary>
public sealed class SecretInClearTests(LogCapturingFactory app) : IClassFixture<LogCapturingFactory>
{
    [Fact]
    public async Task Secrets_of_created_keys_are_nowhere_in_the_database_file_emails_audit_rows_or_logs()
    {
        var arranged = await app.ApprovedWithMembersAsync("Commune discrète");
        var browser = await app.SignedInAsync(arranged.Applicant);
        var secrets = new List<string>();
        foreach (var environment in new[] { "Production", "Sandbox", "Production" })
        {
            secrets.Add(KeyArrange.SecretOn(await browser.CreateKeyThroughPagesAsync(arranged, arranged.Applicant.Password, $"Clé {environment}", environment)));
        }

        // Gateway credentials, one per environment, through the administration pages.
        var administrator = await app.StaffWithTwoFactorAsync(Admin.Domain.Users.Roles.Administrator);
        foreach (var environment in new[] { "Production", "Sandbox" })
        {
            secrets.Add(KeyArrange.SecretOn(await administrator.SubmitAsync("/admin/passerelles/nouvelle",
                new Dictionary<string, string> { ["Form.Name"] = $"Passerelle {environment}", ["Form.Environment"] = environment })));
        }

        // Keys pasted into "Tester ma clé" and the staff search are hashed for the lookup, never kept nor logged.
        await browser.SubmitAsync("/cles/tester", new Dictionary<string, string> { ["Key"] = secrets[0] });
        await administrator.SubmitAsync("/instruction/cles", new Dictionary<string, string> { ["Key"] = secrets[1] });
        await administrator.SubmitAsync("/instruction/cles/tester", new Dictionary<string, string> { ["Key"] = secrets[2] });

        // A revocation, so that an e-mail about a key exists too.
        var revoked = await app.WithDbAsync(db => db.ApiKeys.FirstAsync(k => k.AuthorizationId == arranged.AuthorizationId));
        await browser.SubmitAsync(arranged.RevokeUrl(revoked.Id), new Dictionary<string, string> { ["Reason"] = "Test de révocation" });
        var mails = await app.DeliverOutboxAsync();
        Assert.Contains(mails, m => m.Kind == Admin.Infrastructure.Outbox.ApiKeyNotifications.RevokedKind);
        Assert.Equal(5, secrets.Distinct().Count());

        // The random part alone is already secret: searching it also catches a key stored without its prefix.
        var needles = secrets.SelectMany(s => new[] { s, s[10..42] }).ToList();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var files = Directory.EnumerateFiles(app.DataDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("admin.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".eml", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var needle in needles)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) < 0, $"a secret is in {Path.GetFileName(file)}");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) < 0, $"a secret is in {Path.GetFileName(file)} (UTF-16)");
            }
        }

        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Select(a => a.Action + " " + a.Reason + " " + a.Data).ToListAsync());
        Assert.Contains(audit, a => a.StartsWith("api_key.issued", StringComparison.Ordinal));
        Assert.Equal(2, audit.Count(a => a.StartsWith("gateway_client.created", StringComparison.Ordinal)));
        var outbox = mails.Select(m => m.Subject + m.TextBody + m.HtmlBody).ToList();
        var logs = app.Lines.ToList();
        Assert.Contains(logs, l => l.Contains("IssueKey.Command handled", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("GatewayClients.Create handled", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("FindKey.Query handled", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("TestKey.Query handled", StringComparison.Ordinal));
        foreach (var needle in needles)
        {
            Assert.DoesNotContain(audit, a => a.Contains(needle, StringComparison.Ordinal));
            Assert.DoesNotContain(outbox, m => m.Contains(needle, StringComparison.Ordinal));
            Assert.DoesNotContain(logs, l => l.Contains(needle, StringComparison.Ordinal));
        }
    }
}
