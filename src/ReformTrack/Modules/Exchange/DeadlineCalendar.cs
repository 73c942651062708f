using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Exchange;

/// <summary>
/// The deadlines of the ledger as an iCalendar feed (RFC 5545): one all-day event on the due date
/// of every measure the ledger's filter selects (active ones unless a status is asked for), so a
/// calendar program can subscribe to a unit's deadlines.
/// </summary>
internal sealed class DeadlineCalendar(ScopedDb dbFactory, IDbContextFactory<ReformDbContext> unscoped, ListMeasures ledger,
    TimeProvider clock)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public async Task WriteAsync(LedgerFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await WriteLinesAsync(LinesAsync(db, filter, milestones: false, cancellationToken), output, cancellationToken);
    }

    /// <summary>
    /// A user's own feed (their calendar feed link): the active measures in that user's scope, as the
    /// user would see them signed in, with the due dates of their open milestones too.
    /// </summary>
    public async Task WriteForAsync(User user, Stream output, CancellationToken cancellationToken = default)
    {
        await using var db = await unscoped.CreateDbContextAsync(cancellationToken);
        db.ScopePath = user.Role == Role.Admin
            ? null
            : await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
              ?? UserScope.Nothing;
        await WriteLinesAsync(LinesAsync(db, new LedgerFilter(), milestones: true, cancellationToken), output, cancellationToken);
    }

    private static async Task WriteLinesAsync(IAsyncEnumerable<string> lines, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Fold(line));
        }

        await writer.FlushAsync(cancellationToken);
    }

    private async IAsyncEnumerable<string> LinesAsync(ReformDbContext db, LedgerFilter filter, bool milestones,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scope = filter.Statuses.Count == 0 ? filter with { Statuses = [MeasureStatus.Active] } : filter;
        var measures = (await ledger.FilterAsync(db, scope, clock.Today(), cancellationToken))
            .OrderBy(m => m.DueOn).ThenBy(m => m.Code)
            .Select(m => new
            {
                m.Id,
                m.Code,
                m.Title,
                m.DueOn,
                m.Progress,
                LeadUnit = db.Units.Where(u => u.Id == m.LeadUnitId).Select(u => u.Name).First(),
            })
            .AsAsyncEnumerable();

        var stamp = clock.UtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        yield return "BEGIN:VCALENDAR";
        yield return "VERSION:2.0";
        yield return "PRODID:-//ReformTrack//Ledger deadlines//ZH";
        yield return "CALSCALE:GREGORIAN";
        yield return "X-WR-CALNAME:" + Escape("改革举措完成时限 Measure deadlines");
        var ids = new List<int>();
        await foreach (var m in measures.WithCancellation(cancellationToken))
        {
            ids.Add(m.Id);
            yield return "BEGIN:VEVENT";
            yield return $"UID:measure-{m.Id}@reformtrack";
            yield return $"DTSTAMP:{stamp}";
            yield return $"DTSTART;VALUE=DATE:{Day(m.DueOn)}";
            yield return $"DTEND;VALUE=DATE:{Day(m.DueOn.AddDays(1))}";
            yield return "SUMMARY:" + Escape($"{m.Code} {m.Title}");
            yield return "DESCRIPTION:" + Escape($"牵头单位 Lead unit: {m.LeadUnit}\n进度 Progress: {m.Progress}%");
            yield return "TRANSP:TRANSPARENT";
            yield return "END:VEVENT";
        }

        if (milestones)
        {
            var open = new List<(int Id, string Title, DateOnly DueOn, string Code, string MeasureTitle)>();
            foreach (var chunk in ids.Chunk(500))
            {
                var rows = await db.Milestones.AsNoTracking()
                    .Where(s => chunk.Contains(s.MeasureId) && s.DoneOn == null)
                    .Join(db.Measures, s => s.MeasureId, m => m.Id,
                        (s, m) => new { s.Id, s.Title, s.DueOn, m.Code, MeasureTitle = m.Title })
                    .ToListAsync(cancellationToken);
                open.AddRange(rows.Select(r => (r.Id, r.Title, r.DueOn, r.Code, r.MeasureTitle)));
            }

            foreach (var s in open.OrderBy(s => s.DueOn).ThenBy(s => s.Code).ThenBy(s => s.Id))
            {
                yield return "BEGIN:VEVENT";
                yield return $"UID:milestone-{s.Id}@reformtrack";
                yield return $"DTSTAMP:{stamp}";
                yield return $"DTSTART;VALUE=DATE:{Day(s.DueOn)}";
                yield return $"DTEND;VALUE=DATE:{Day(s.DueOn.AddDays(1))}";
                yield return "SUMMARY:" + Escape($"{s.Code} {s.Title}");
                yield return "DESCRIPTION:" + Escape($"节点 Milestone of: {s.Code} {s.MeasureTitle}");
                yield return "TRANSP:TRANSPARENT";
                yield return "END:VEVENT";
            }
        }

        yield return "END:VCALENDAR";
    }

    private static string Day(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Text values escape backslash, semicolon, comma and line breaks.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space, never inside a character.</summary>
    public static string Fold(string line)
    {
        var folded = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                folded.Append("\r\n ");
                octets = 1;
            }

            folded.Append(rune.ToString());
            octets += size;
        }

        return folded.Append("\r\n").ToString();
    }
}
