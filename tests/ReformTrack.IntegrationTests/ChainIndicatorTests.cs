using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReformTrack.Modules.Accounts;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>A chain's linked indicators: set through the chain's update, shown with latest value, target and status, within scope.</summary>
public abstract class ChainIndicatorTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private readonly LedgerTestData _data = new(app);

    private static async Task<int> AddIndicatorAsync(HttpClient client, int unitId, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/indicators", new
        {
            code = LedgerTestData.Unique("IND"), name, unitOfMeasure = "%", direction = "HigherIsBetter",
            baselineOn = "2020-12-31", baselineValue = 30.0, targetOn = "2027-12-31", targetValue = 60.0, rollUp = "Sum", unitId,
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (int)JsonNode.Parse(text)!["row"]!["id"]!;
    }

    private static async Task<JsonNode> AddChainAsync(HttpClient client, params int[] parkIds)
    {
        var cluster = await (await client.PostAsJsonAsync("/api/v1/clusters", new { name = LedgerTestData.Unique("集群") }))
            .ReadAsync(HttpStatusCode.Created);
        return await (await client.PostAsJsonAsync("/api/v1/chains", new
        {
            name = LedgerTestData.Unique("链"), clusterId = cluster.Id(), parkIds,
        })).ReadAsync(HttpStatusCode.Created);
    }

    private static object Change(JsonNode chain, int[] indicatorIds) => new
    {
        name = chain["name"]!.GetValue<string>(), clusterId = chain["clusterId"]!.GetValue<int>(),
        parkIds = chain["parks"]!.AsArray().Select(p => p!.Id()).ToArray(), indicatorIds,
    };

    [SkippableFact]
    public async Task Chain_page_shows_linked_indicators_with_latest_value_target_and_status()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var unit = await _data.AddUnitAsync();
        var indicator = await AddIndicatorAsync(client, unit.Id, "数字经济占比");
        await (await client.PostAsJsonAsync($"/api/v1/indicators/{indicator}/observations", new { on = "2026-06-30", value = 45.0 }))
            .ReadAsync(HttpStatusCode.Created);
        var chain = await AddChainAsync(client);
        var (read, etag) = await client.GetWithETagAsync($"/api/v1/chains/{chain.Id()}");
        Assert.Empty(read["indicators"]!.AsArray());

        await (await client.PutAsync($"/api/v1/chains/{chain.Id()}", Change(read, [indicator]), etag)).ReadAsync(HttpStatusCode.OK);

        var linked = (await client.GetJsonAsync($"/api/v1/chains/{chain.Id()}"))["indicators"]!.AsArray().Single()!;
        Assert.Equal(("数字经济占比", 45.0, 60.0), (linked["name"]!.GetValue<string>(), linked["latestValue"]!.GetValue<double>(),
            linked["targetValue"]!.GetValue<double>()));
        Assert.Contains(linked["status"]!.GetValue<string>(), new[] { "OnTrack", "AtRisk", "OffTrack" });
    }

    [SkippableFact]
    public async Task Unknown_indicator_is_a_400_naming_the_field_and_leaving_out_the_field_keeps_the_links()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var unit = await _data.AddUnitAsync();
        var indicator = await AddIndicatorAsync(client, unit.Id, "规上工业增加值增速");
        var chain = await AddChainAsync(client);
        var (read, etag) = await client.GetWithETagAsync($"/api/v1/chains/{chain.Id()}");

        await (await client.PutAsync($"/api/v1/chains/{chain.Id()}", Change(read, [indicator, 999_999]), etag))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "indicatorIds");
        await (await client.PutAsync($"/api/v1/chains/{chain.Id()}", Change(read, [indicator]), etag)).ReadAsync(HttpStatusCode.OK);
        (read, etag) = await client.GetWithETagAsync($"/api/v1/chains/{chain.Id()}");
        await (await client.PutAsync($"/api/v1/chains/{chain.Id()}", new
        {
            name = read["name"]!.GetValue<string>(), clusterId = read["clusterId"]!.GetValue<int>(), description = "只改说明",
        }, etag)).ReadAsync(HttpStatusCode.OK);

        var after = await client.GetJsonAsync($"/api/v1/chains/{chain.Id()}");
        Assert.Equal([indicator], after["indicators"]!.AsArray().Select(i => i!.Id()));
    }

    [SkippableFact]
    public async Task District_office_sees_only_its_indicators_on_a_chain_and_keeps_the_others_when_editing()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var own = await _data.AddUnitAsync("甲区");
        var other = await _data.AddUnitAsync("乙区");
        var ownIndicator = await AddIndicatorAsync(admin, own.Id, "甲区指标");
        var otherIndicator = await AddIndicatorAsync(admin, other.Id, "乙区指标");
        var chain = await AddChainAsync(admin);
        var (read, etag) = await admin.GetWithETagAsync($"/api/v1/chains/{chain.Id()}");
        await (await admin.PutAsync($"/api/v1/chains/{chain.Id()}", Change(read, [ownIndicator, otherIndicator]), etag))
            .ReadAsync(HttpStatusCode.OK);

        using var office = app.CreateClientAs(Role.Office, await _data.UnitCodeAsync(own.Id));
        var (seen, officeEtag) = await office.GetWithETagAsync($"/api/v1/chains/{chain.Id()}");
        Assert.Equal([ownIndicator], seen["indicators"]!.AsArray().Select(i => i!.Id()));
        await (await office.PutAsync($"/api/v1/chains/{chain.Id()}", Change(seen, [otherIndicator]), officeEtag))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "indicatorIds");
        await (await office.PutAsync($"/api/v1/chains/{chain.Id()}", Change(seen, []), officeEtag)).ReadAsync(HttpStatusCode.OK);

        var after = await admin.GetJsonAsync($"/api/v1/chains/{chain.Id()}");
        Assert.Equal([otherIndicator], after["indicators"]!.AsArray().Select(i => i!.Id()));
    }

    [SkippableFact]
    public async Task Enterprise_search_offers_names_already_on_chains()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var name = LedgerTestData.Unique("龙头企业");
        var cluster = await (await client.PostAsJsonAsync("/api/v1/clusters", new { name = LedgerTestData.Unique("集群") }))
            .ReadAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/v1/chains", new
        {
            name = LedgerTestData.Unique("链"), clusterId = cluster.Id(), enterprises = new[] { new { name } },
        })).ReadAsync(HttpStatusCode.Created);

        var found = await client.GetJsonAsync($"/api/v1/chains/enterprises?q={Uri.EscapeDataString(name[..^2])}");
        var none = await client.GetJsonAsync("/api/v1/chains/enterprises?q=没有这家企业");

        Assert.Contains(name, found.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Empty(none.AsArray());
    }

    [SkippableFact]
    public async Task A_viewer_cannot_change_a_chains_indicators()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var chain = await AddChainAsync(admin);
        var (read, etag) = await admin.GetWithETagAsync($"/api/v1/chains/{chain.Id()}");

        using var viewer = app.CreateClientAs(Role.Viewer, await _data.UnitCodeAsync((await _data.AddUnitAsync()).Id));
        var response = await viewer.PutAsync($"/api/v1/chains/{chain.Id()}", Change(read, []), etag);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class SqliteChainIndicatorTests(SqliteApp app) : ChainIndicatorTests<SqliteApp>(app);

public sealed class PostgresChainIndicatorTests(PostgresApp app) : ChainIndicatorTests<PostgresApp>(app);
