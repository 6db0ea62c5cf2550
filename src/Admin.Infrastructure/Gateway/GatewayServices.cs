using Admin.Domain.Gateways;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Infrastructure.Gateway;

/// <summary>Gateway:Counters: where the rate windows and quotas are counted.</summary>
public enum CountersMode
{
    /// <summary>In this node's memory: one node needs nothing else.</summary>
    Memory = 0,

    /// <summary>In Redis, shared by every node (Gateway:Redis is its connection string).</summary>
    Redis = 1,
}

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    public CountersMode Counters { get; set; } = CountersMode.Memory;

    /// <summary>StackExchange.Redis configuration string, e.g. "127.0.0.1:6379".</summary>
    public string? Redis { get; set; }
}

public static class GatewayServices
{
    public static IServiceCollection AddGatewayServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.Section));
        services.AddSingleton<KeyDirectory>();
        services.AddSingleton<GatewayCredentialDirectory>();
        services.AddSingleton<RouteTableProvider>();
        services.AddSingleton<GatewayChangeBus>();
        services.AddSingleton<MemoryKeyCounters>();
        services.AddSingleton<IKeyCounters>(sp => sp.GetRequiredService<MemoryKeyCounters>());
        services.AddSingleton<UsageRecorder>();
        services.AddHostedService<UsageFlusher>();
        services.AddSingleton<GatewayDecider>();
        services.AddScoped<GatewayChangesInterceptor>();
        return services;
    }
}
