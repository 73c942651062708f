using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal sealed record MeetingRow(int Id, int Number, DateOnly HeldOn, int BodyUnitId, string BodyName, string Title,
    int DocumentsPassed, int DocumentsDeferred);

/// <summary>Meetings, newest first, of one body and/or one year.</summary>
internal sealed class ListMeetings(IDbContextFactory<ReformDbContext> dbFactory)
{
    public async Task<Page<MeetingRow>> RunAsync(int? bodyUnitId, int? year, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = db.Meetings.AsNoTracking();
        if (bodyUnitId is { } body)
        {
            meetings = meetings.Where(m => m.BodyUnitId == body);
        }

        if (year is { } y)
        {
            if (y is < 1900 or > 2999)
            {
                throw new RuleViolation("YearIsACalendarYear", "The year is a calendar year such as 2016.", "year");
            }

            var from = new DateOnly(y, 1, 1);
            var to = from.AddYears(1);
            meetings = meetings.Where(m => m.HeldOn >= from && m.HeldOn < to);
        }

        var total = await meetings.CountAsync(cancellationToken);
        var items = await meetings
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Number).ThenByDescending(m => m.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(m => new MeetingRow(m.Id, m.Number, m.HeldOn, m.BodyUnitId,
                db.Units.Where(u => u.Id == m.BodyUnitId).Select(u => u.Name).First(),
                m.Title,
                m.Reviews.Count(r => r.Outcome == ReviewOutcome.Passed),
                m.Reviews.Count(r => r.Outcome == ReviewOutcome.Deferred)))
            .ToListAsync(cancellationToken);
        return new Page<MeetingRow>(items, total, page.Number, page.Size);
    }
}
