using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

public abstract class GovernanceDocumentTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    [SkippableFact]
    public async Task A_document_is_created_with_numbered_clauses()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var created = await client.CreateDocumentAsync("关于全面深化改革的决定", ["简政放权", "优化营商环境", "深化国企改革"]);

        var (detail, etag) = await client.GetWithETagAsync($"/api/v1/documents/{created.Id()}");

        Assert.Equal([1, 2, 3], detail["clauses"]!.AsArray().Select(c => c!["number"]!.GetValue<int>()));
        Assert.Equal("优化营商环境", detail["clauses"]![1]!["text"]!.GetValue<string>());
        Assert.Equal("Decision", detail["kind"]!.GetValue<string>());
        Assert.Equal("2016-03-01", detail["issuedOn"]!.GetValue<string>());
        Assert.Equal($"\"{detail["version"]!.GetValue<int>()}\"", etag);
    }

    [SkippableFact]
    public async Task Clauses_with_no_measure_behind_them_show_up()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var unit = await client.CreateUnitAsync("Unit");
        var objective = await client.CreateObjectiveAsync("Objective");
        var document = await client.CreateDocumentAsync("Plan", ["One", "Two", "Three"], "Plan");
        var clauseTwo = document["clauses"]![1]!.Id();
        var measureId = await app.InsertMeasureAsync(unit.Id(), objective.Id(), document.Id(), clauseTwo, "Measure on clause two");

        var detail = await client.GetJsonAsync($"/api/v1/documents/{document.Id()}");
        var row = (await client.GetJsonAsync($"/api/v1/documents?q={Uri.EscapeDataString(document["number"]!.GetValue<string>())}"))
            ["items"]![0]!;

        Assert.Equal([1, 3], detail["clausesWithoutMeasures"]!.AsArray().Select(c => c!["number"]!.GetValue<int>()));
        var measure = Assert.Single(detail["measures"]!.AsArray())!;
        Assert.Equal(measureId, measure.Id());
        Assert.Equal(2, measure["clauseNumber"]!.GetValue<int>());
        Assert.Equal(1, detail["clauses"]![1]!["measureCount"]!.GetValue<int>());
        Assert.Equal(1, row["measureCount"]!.GetValue<int>());
        Assert.Equal(2, row["clausesWithoutMeasures"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task A_document_lists_only_the_measures_its_reader_may_see_but_counts_the_whole_programme()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var mine = await admin.CreateUnitAsync("鼓楼区改革办");
        var theirs = await admin.CreateUnitAsync("台江区改革办");
        var objective = await admin.CreateObjectiveAsync("Objective");
        var document = await admin.CreateDocumentAsync("Plan", ["One", "Two"], "Plan");
        var clauses = document["clauses"]!.AsArray();
        var visible = await app.InsertMeasureAsync(mine.Id(), objective.Id(), document.Id(), clauses[0]!.Id(), "鼓楼的举措");
        await app.InsertMeasureAsync(theirs.Id(), objective.Id(), document.Id(), clauses[1]!.Id(), "台江的举措");
        using var liaison = app.CreateClientAs(Modules.Accounts.Role.Liaison, mine["code"]!.GetValue<string>());

        var detail = await liaison.GetJsonAsync($"/api/v1/documents/{document.Id()}");

        var measure = Assert.Single(detail["measures"]!.AsArray())!;
        Assert.Equal(visible, measure.Id());
        Assert.DoesNotContain("台江的举措", detail.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(detail["clausesWithoutMeasures"]!.AsArray());
        Assert.Equal(1, detail["clauses"]![1]!["measureCount"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Each_measure_counts_once_whether_it_names_the_document_the_clause_or_both()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var unit = await client.CreateUnitAsync("Unit");
        var objective = await client.CreateObjectiveAsync("Objective");
        var document = await client.CreateDocumentAsync("Counted", ["One", "Two", "Three"]);
        var clauses = document["clauses"]!.AsArray();
        await app.InsertMeasureAsync(unit.Id(), objective.Id(), document.Id(), clauses[0]!.Id());
        await app.InsertMeasureAsync(unit.Id(), objective.Id(), clauseId: clauses[1]!.Id());
        await app.InsertMeasureAsync(unit.Id(), objective.Id(), document.Id());

        var row = (await client.GetJsonAsync($"/api/v1/documents?q={Uri.EscapeDataString(document["number"]!.GetValue<string>())}"))
            ["items"]![0]!;
        var detail = await client.GetJsonAsync($"/api/v1/documents/{document.Id()}");

        Assert.Equal(3, row["measureCount"]!.GetValue<int>());
        Assert.Equal(1, row["clausesWithoutMeasures"]!.GetValue<int>());
        Assert.Equal(3, detail["measures"]!.AsArray().Count);
        Assert.Equal([3], detail["clausesWithoutMeasures"]!.AsArray().Select(c => c!["number"]!.GetValue<int>()));
    }

    [SkippableFact]
    public async Task Documents_are_found_by_Chinese_title_or_by_number()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var marker = GovernanceTestKit.Unique("闽");
        var match = await client.CreateDocumentAsync($"关于进一步优化营商环境的若干措施{marker}", ["一"]);
        await client.CreateDocumentAsync($"关于推进城乡一体化的实施意见{marker}", ["一"], "Plan");
        var byNumber = await client.CreateDocumentAsync("Numbered", ["一"], number: $"榕委发〔2016〕{marker}号");

        var byTitle = await client.GetJsonAsync($"/api/v1/documents?q={Uri.EscapeDataString("营商环境的若干措施" + marker)}");
        var numbered = await client.GetJsonAsync($"/api/v1/documents?q={Uri.EscapeDataString($"〔2016〕{marker}")}");
        var plans = await client.GetJsonAsync($"/api/v1/documents?kind=Plan&q={Uri.EscapeDataString(marker)}");

        Assert.Equal([match.Id()], byTitle["items"]!.AsArray().Select(d => d!.Id()));
        Assert.Equal([byNumber.Id()], numbered["items"]!.AsArray().Select(d => d!.Id()));
        Assert.Equal(["Plan"], plans["items"]!.AsArray().Select(d => d!["kind"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task A_decision_lists_its_five_supporting_documents()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var decision = await client.CreateDocumentAsync("关于深化改革的决定", ["一"]);
        for (var i = 1; i <= 5; i++)
        {
            await client.CreateDocumentAsync($"配套文件{i}", ["一"], "SupportingDocument", decision.Id());
        }

        var detail = await client.GetJsonAsync($"/api/v1/documents/{decision.Id()}");
        var children = await client.GetJsonAsync($"/api/v1/documents?parentId={decision.Id()}&pageSize=2");

        Assert.Equal(5, detail["children"]!.AsArray().Count);
        Assert.Equal(5, children["total"]!.GetValue<int>());
        Assert.Equal(2, children["items"]!.AsArray().Count);
    }

    [SkippableFact]
    public async Task Documents_filter_by_whether_a_meeting_passed_them()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await client.CreateUnitAsync("Commission", kind: "Commission");
        var meeting = await client.CreateMeetingAsync(body.Id(), 1, "2019-01-01");
        var marker = GovernanceTestKit.Unique("filter");
        var passed = await client.CreateDocumentAsync($"Passed {marker}", ["一"]);
        var pending = await client.CreateDocumentAsync($"Pending {marker}", ["一"]);
        await client.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id()}/reviews", new { documentId = passed.Id(), outcome = "Passed" });

        var yes = await client.GetJsonAsync($"/api/v1/documents?passed=true&q={marker}");
        var no = await client.GetJsonAsync($"/api/v1/documents?passed=false&q={marker}");

        var row = Assert.Single(yes["items"]!.AsArray())!;
        Assert.Equal(passed.Id(), row.Id());
        Assert.Equal(meeting.Id(), row["passedAt"]!.Id());
        Assert.Equal([pending.Id()], no["items"]!.AsArray().Select(d => d!.Id()));
    }

    [SkippableFact]
    public async Task Clauses_are_added_and_revised_under_the_documents_version()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var document = await client.CreateDocumentAsync("Notice", ["One", "Two"], "Notice");
        var url = $"/api/v1/documents/{document.Id()}";
        var (_, before) = await client.GetWithETagAsync(url);

        var added = await client.PostAsJsonAsync($"{url}/clauses", new { text = "Three" });
        var addedClause = await added.ReadAsync(HttpStatusCode.Created);
        var afterAdd = added.Headers.ETag!.Tag;
        var stale = await client.PutAsync($"{url}/clauses/1", new { text = "Lost" }, before);
        var missing = await client.PutAsync($"{url}/clauses/1", new { text = "Lost" }, null);
        var unknown = await client.PutAsync($"{url}/clauses/9", new { text = "Lost" }, afterAdd);
        var empty = await client.PutAsync($"{url}/clauses/1", new { text = " " }, afterAdd);
        var revised = await client.PutAsync($"{url}/clauses/1", new { text = "One, revised" }, afterAdd);
        var detail = await client.GetJsonAsync(url);

        Assert.Equal(3, addedClause["number"]!.GetValue<int>());
        Assert.NotEqual(before, afterAdd);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await missing.AssertProblemAsync((HttpStatusCode)428);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "text");
        Assert.Equal("One, revised", (await revised.ReadAsync(HttpStatusCode.OK))["text"]!.GetValue<string>());
        Assert.Equal(["One, revised", "Two", "Three"], detail["clauses"]!.AsArray().Select(c => c!["text"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task A_document_update_needs_the_current_version_and_changes_nothing_otherwise()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var parent = await client.CreateDocumentAsync("Parent", ["一"]);
        var child = await client.CreateDocumentAsync("Child", ["一"], "SupportingDocument", parent.Id());
        var number = parent["number"]!.GetValue<string>();
        var url = $"/api/v1/documents/{parent.Id()}";
        var (_, etag) = await client.GetWithETagAsync(url);

        var cycle = await client.PutAsync(url, new { number, title = "Parent", kind = "Decision", parentId = child.Id() }, etag);
        var ok = await client.PutAsync(url, new { number, title = "Parent, retitled", kind = "Decision", issuedOn = "2016-04-01" }, etag);
        var stale = await client.PutAsync(url, new { number, title = "Stale", kind = "Notice" }, etag);
        var missing = await client.PutAsync(url, new { number, title = "Missing", kind = "Notice" }, null);
        var after = await client.GetJsonAsync(url);

        var problem = await cycle.AssertProblemAsync(HttpStatusCode.BadRequest, "parentId");
        Assert.Equal("DocumentCannotBeItsOwnAncestor", problem["rule"]!.GetValue<string>());
        await ok.ReadAsync(HttpStatusCode.OK);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await missing.AssertProblemAsync((HttpStatusCode)428);
        Assert.Equal("Parent, retitled", after["title"]!.GetValue<string>());
        Assert.Equal("Decision", after["kind"]!.GetValue<string>());
        Assert.Single(after["clauses"]!.AsArray());
    }

    [SkippableFact]
    public async Task Invalid_documents_are_refused_naming_the_field()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var existing = await client.CreateDocumentAsync("Existing", ["一"]);

        await (await client.PostAsJsonAsync("/api/v1/documents", new { number = GovernanceTestKit.Unique("D"), kind = "Plan" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "title");
        await (await client.PostAsJsonAsync("/api/v1/documents", new { title = "X", kind = "Plan" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "number");
        await (await client.PostAsJsonAsync("/api/v1/documents",
                new { number = GovernanceTestKit.Unique("D"), title = new string('文', 301), kind = "Plan" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "title");
        await (await client.PostAsJsonAsync("/api/v1/documents",
                new { number = GovernanceTestKit.Unique("D"), title = "X", kind = "Plan", clauses = new[] { "一", "" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "clauses[1]");
        await (await client.PostAsJsonAsync("/api/v1/documents",
                new { number = GovernanceTestKit.Unique("D"), title = "X", kind = "Plan", parentId = 999_999 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "parentId");
        await (await client.PostAsJsonAsync("/api/v1/documents",
                new { number = existing["number"]!.GetValue<string>(), title = "Same number", kind = "Plan" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.GetAsync("/api/v1/documents/987654")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync("/api/v1/documents/987654/clauses", new { text = "X" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/documents?pageSize=201")).AssertProblemAsync(HttpStatusCode.BadRequest, "pageSize");
        await (await client.GetAsync("/api/v1/documents?kind=Law")).AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
    }

    [SkippableFact]
    public async Task A_refused_document_leaves_nothing_behind()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var number = GovernanceTestKit.Unique("D");

        await client.PostAsJsonAsync("/api/v1/documents", new { number, title = "X", kind = "Plan", clauses = new[] { "" } });

        var factory = app.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        Assert.False(await db.Documents.AnyAsync(d => d.Number == number));
    }
}

public sealed class SqliteGovernanceDocumentTests(SqliteApp app) : GovernanceDocumentTests<SqliteApp>(app);

public sealed class PostgresGovernanceDocumentTests(PostgresApp app) : GovernanceDocumentTests<PostgresApp>(app);
