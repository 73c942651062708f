using System.Net;
using System.Net.Http.Json;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

public abstract class GovernanceObjectiveTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    [SkippableFact]
    public async Task Levels_follow_the_parent_and_stop_at_sub_tasks()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var aspect = await client.CreateObjectiveAsync("经济体制改革");
        var keyTask = await client.CreateObjectiveAsync("优化营商环境", aspect.Id());
        var subTask = await client.CreateObjectiveAsync("压缩企业开办时间", keyTask.Id());

        var fourth = await client.PostAsJsonAsync("/api/v1/objectives",
            new { code = GovernanceTestKit.Unique("O"), title = "Too deep", parentId = subTask.Id() });

        Assert.Equal("Aspect", aspect["level"]!.GetValue<string>());
        Assert.Equal("KeyTask", keyTask["level"]!.GetValue<string>());
        Assert.Equal("SubTask", subTask["level"]!.GetValue<string>());
        var problem = await fourth.AssertProblemAsync(HttpStatusCode.BadRequest, "parentId");
        Assert.Equal("ObjectiveTreeHasAtMostThreeLevels", problem["rule"]!.GetValue<string>());
        Assert.DoesNotContain((await client.GetJsonAsync("/api/v1/objectives")).AsArray(),
            o => o!["title"]!.GetValue<string>() == "Too deep");
    }

    [SkippableFact]
    public async Task The_tree_lists_each_objective_with_the_measures_of_its_subtree()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var unit = await client.CreateUnitAsync("Lead unit");
        var aspect = await client.CreateObjectiveAsync("Aspect with measures", sortOrder: -100);
        var second = await client.CreateObjectiveAsync("Second key task", aspect.Id(), sortOrder: 2);
        var first = await client.CreateObjectiveAsync("First key task", aspect.Id(), sortOrder: 1);
        var sub = await client.CreateObjectiveAsync("Sub-task", first.Id());
        await app.InsertMeasureAsync(unit.Id(), sub.Id());
        await app.InsertMeasureAsync(unit.Id(), first.Id());
        await app.InsertMeasureAsync(unit.Id(), second.Id());

        var rows = (await client.GetJsonAsync("/api/v1/objectives")).AsArray()
            .Where(r => r!["path"]!.GetValue<string>().StartsWith($"/{aspect.Id()}/", StringComparison.Ordinal)).ToList();
        var (detail, etag) = await client.GetWithETagAsync($"/api/v1/objectives/{first.Id()}");

        Assert.Equal([aspect.Id(), first.Id(), sub.Id(), second.Id()], rows.Select(r => r!.Id()));
        Assert.Equal([3, 2, 1, 1], rows.Select(r => r!["measureCount"]!.GetValue<int>()));
        Assert.Equal(1, detail["measures"]!.GetValue<int>());
        Assert.Equal(2, detail["measuresInSubtree"]!.GetValue<int>());
        Assert.Equal($"\"{detail["version"]!.GetValue<int>()}\"", etag);
    }

    [SkippableFact]
    public async Task Moving_a_key_task_moves_its_sub_tasks_and_keeps_three_levels()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var from = await client.CreateObjectiveAsync("From");
        var to = await client.CreateObjectiveAsync("To");
        var keyTask = await client.CreateObjectiveAsync("Key task", from.Id());
        var sub = await client.CreateObjectiveAsync("Sub-task", keyTask.Id());
        var (_, etag) = await client.GetWithETagAsync($"/api/v1/objectives/{keyTask.Id()}");
        var (_, toTag) = await client.GetWithETagAsync($"/api/v1/objectives/{to.Id()}");

        var moved = await (await client.PutAsync($"/api/v1/objectives/{keyTask.Id()}",
            new { code = keyTask["code"]!.GetValue<string>(), title = "Key task", parentId = to.Id() }, etag))
            .ReadAsync(HttpStatusCode.OK);
        // "To" now holds a key task with a sub-task: under another aspect it would make four levels.
        var tooDeep = await client.PutAsync($"/api/v1/objectives/{to.Id()}",
            new { code = to["code"]!.GetValue<string>(), title = "To", parentId = from.Id() }, toTag);
        var subAfter = await client.GetJsonAsync($"/api/v1/objectives/{sub.Id()}");

        Assert.Equal($"/{to.Id()}/{keyTask.Id()}/", moved["path"]!.GetValue<string>());
        Assert.Equal($"/{to.Id()}/{keyTask.Id()}/{sub.Id()}/", subAfter["path"]!.GetValue<string>());
        Assert.Equal("SubTask", subAfter["level"]!.GetValue<string>());
        Assert.Empty((await client.GetJsonAsync($"/api/v1/objectives/{from.Id()}"))["children"]!.AsArray());
        await tooDeep.AssertProblemAsync(HttpStatusCode.BadRequest, "parentId");
        Assert.Null((await client.GetJsonAsync($"/api/v1/objectives/{to.Id()}"))["parentId"]);
    }

    [SkippableFact]
    public async Task Objective_errors_name_the_field_and_guard_versions()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var objective = await client.CreateObjectiveAsync("Original");
        var code = objective["code"]!.GetValue<string>();
        var url = $"/api/v1/objectives/{objective.Id()}";
        var (_, etag) = await client.GetWithETagAsync(url);

        await (await client.PostAsJsonAsync("/api/v1/objectives", new { code = GovernanceTestKit.Unique("O") }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "title");
        await (await client.PostAsJsonAsync("/api/v1/objectives", new { code = GovernanceTestKit.Unique("O"), title = "X", parentId = 999_999 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "parentId");
        await (await client.PostAsJsonAsync("/api/v1/objectives", new { code, title = "Duplicate" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.GetAsync("/api/v1/objectives/987654")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PutAsync(url, new { code, title = "No version" }, null)).AssertProblemAsync((HttpStatusCode)428);
        await (await client.PutAsync(url, new { code, title = "Renamed" }, etag)).ReadAsync(HttpStatusCode.OK);
        await (await client.PutAsync(url, new { code, title = "Stale" }, etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Renamed", (await client.GetJsonAsync(url))["title"]!.GetValue<string>());
    }
}

public sealed class SqliteGovernanceObjectiveTests(SqliteApp app) : GovernanceObjectiveTests<SqliteApp>(app);

public sealed class PostgresGovernanceObjectiveTests(PostgresApp app) : GovernanceObjectiveTests<PostgresApp>(app);
