using System.Globalization;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MimeKit;
using ReformTrack.Data;
using ReformTrack.Modules.Accounts;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Supervision;

/// <summary>What a digest run did: mails sent, and users skipped because theirs was already sent that day.</summary>
internal sealed record DigestResult(DateOnly Day, int Sent, int AlreadySent, bool Disabled);

/// <summary>
/// One email a day to each user with updates: their inbox, in Chinese and English. The (user, day)
/// record is inserted in a transaction that commits only after the server accepted the mail, so a
/// failed send is retried on the next run, and a second run (or a second server) finds the record
/// (or waits on its key) and sends nothing.
/// </summary>
internal sealed class SendDigests(IDbContextFactory<ReformDbContext> factory, GetInbox inbox, TimeProvider clock,
    SmtpOptions smtp, IStringLocalizer<SupervisionText> text, ILogger<SendDigests> logger)
{
    public async Task<DigestResult> RunAsync(DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        var today = day ?? clock.Today();
        if (!smtp.Enabled)
        {
            return new DigestResult(today, 0, 0, Disabled: true);
        }

        List<(User User, string? Path)> users;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            users = (await db.Users.AsNoTracking()
                    .Where(u => u.Email != null)
                    .OrderBy(u => u.Id)
                    .Select(u => new { User = u, Path = db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Path).FirstOrDefault() })
                    .ToListAsync(cancellationToken))
                .Where(x => x.User.LockoutEnd is null || x.User.LockoutEnd < now)
                .Select(x => (x.User, x.User.Role == Role.Admin ? null : x.Path ?? UserScope.Nothing))
                .ToList();
        }

        int sent = 0, already = 0;
        using var client = new SmtpClient();
        foreach (var (user, path) in users)
        {
            var updates = await inbox.ForAsync(user.Role, path, cancellationToken);
            if (updates.Total == 0)
            {
                continue;
            }

            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.DigestsSent.AnyAsync(d => d.UserId == user.Id && d.Day == today, cancellationToken))
            {
                already++;
                continue;
            }

            db.DigestsSent.Add(new DigestSent { UserId = user.Id, Day = today, SentAt = clock.UtcNow(), Updates = updates.Total });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another run recorded this user's digest for the day first.
                already++;
                continue;
            }

            await SendAsync(client, user, today, updates, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }

        logger.LogInformation("Digests of {Day}: {Sent} sent, {Already} already sent", today, sent, already);
        return new DigestResult(today, sent, already, Disabled: false);
    }

    private async Task SendAsync(SmtpClient client, User user, DateOnly day, Inbox updates, CancellationToken cancellationToken)
    {
        if (!client.IsConnected)
        {
            var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(new MailboxAddress(user.DisplayName, user.Email!));
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        message.Subject = $"{In("zh-CN", () => text["ReformTrack: {0} updates for {1}", updates.Total, date].Value)} / " +
                          In("en", () => text["ReformTrack: {0} updates for {1}", updates.Total, date].Value);
        var body = new StringBuilder();
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            body.Append(In(culture, () => Compose(user, date, updates)));
            body.AppendLine();
        }

        message.Body = new TextPart("plain") { Text = body.ToString() };
        await client.SendAsync(message, cancellationToken);
    }

    private string Compose(User user, string date, Inbox updates)
    {
        var body = new StringBuilder();
        body.AppendLine(text["Dear {0}, your updates for {1}:", user.DisplayName, date]);
        foreach (var group in updates.Entries.GroupBy(e => e.Kind))
        {
            body.AppendLine();
            body.AppendLine($"{text[SupervisionLabels.Of(group.Key)]} ({updates.Counts[group.Key]})");
            foreach (var entry in group)
            {
                body.AppendLine($"  - {entry.Code} {entry.Title}  {smtp.BaseUrl.TrimEnd('/')}{entry.Link}");
            }
        }

        body.AppendLine();
        body.AppendLine(text["All your updates: {0}", smtp.BaseUrl.TrimEnd('/') + "/inbox"]);
        return body.ToString();
    }

    private static string In(string culture, Func<string> write)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
