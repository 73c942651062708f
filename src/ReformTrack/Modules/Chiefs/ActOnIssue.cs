using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chiefs;

internal enum IssueAction
{
    Rectify,
    Close,
    Reopen,
}

/// <summary>Moves an issue along: rectified (with what was done), closed, or reopened (with why).</summary>
internal sealed class ActOnIssue(ScopedDb dbFactory, TimeProvider clock, ListIssues listIssues)
{
    public async Task<IssueRow> RunAsync(int id, int ifMatch, IssueAction action, string? text, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var issue = await db.ChiefIssues.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFound("Issue", id);
            StaleVersion.Check("Issue", id, ifMatch, issue.Version);
            var today = clock.Today();
            switch (action)
            {
                case IssueAction.Rectify:
                    issue.Rectify(text, today);
                    break;
                case IssueAction.Close:
                    issue.Close(today);
                    break;
                default:
                    issue.Reopen(text);
                    break;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return await listIssues.GetAsync(id, cancellationToken);
    }
}
