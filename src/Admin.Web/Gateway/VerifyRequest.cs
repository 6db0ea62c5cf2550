using System.Net;
using System.Text.Json;
using Admin.Domain.Gateways;

namespace Admin.Web.Gateway;

/// <summary>
/// The body of POST /api/gateway/v1/keys/verify, read with Utf8JsonReader: <c>key</c> (required, 1 to
/// 256 characters), <c>scopes</c> (optional strings), <c>cost</c> (optional integer 0 to 1000, default 1),
/// <c>clientIp</c> (optional IPv4 or IPv6 address, a port ignored). Unknown members are ignored; each
/// invalid field gets its French message.
/// </summary>
internal sealed class VerifyRequest
{
    private VerifyRequest() { }

    public string? Key { get; private set; }
    public IReadOnlyList<string>? Scopes { get; private set; }
    public int Cost { get; private set; } = 1;
    public IPAddress? ClientIp { get; private set; }
    public Dictionary<string, string>? Errors { get; private set; }

    public static VerifyRequest Parse(ReadOnlySpan<byte> body)
    {
        var request = new VerifyRequest();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var keySeen = false;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Invalid("body", "Le corps doit être un objet JSON.");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.TokenType != JsonTokenType.PropertyName) return Invalid("body", "Le corps doit être un objet JSON.");
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "key":
                        keySeen = true;
                        if (reader.TokenType != JsonTokenType.String) { errors["key"] = "La clé doit être une chaîne de caractères."; break; }
                        var key = reader.GetString()!;
                        if (key.Length == 0) errors["key"] = "La clé est vide.";
                        else if (key.Length > GatewayEndpoints.MaxKeyLength) errors["key"] = $"La clé ne doit pas dépasser {GatewayEndpoints.MaxKeyLength} caractères.";
                        else request.Key = key;
                        break;
                    case "scopes":
                        if (reader.TokenType == JsonTokenType.Null) break;
                        if (reader.TokenType != JsonTokenType.StartArray) { errors["scopes"] = "Les scopes doivent être une liste de chaînes."; reader.Skip(); break; }
                        var scopes = new List<string>();
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { Length: > 0 and <= 200 } scope)
                            {
                                errors["scopes"] = "Chaque scope doit être une chaîne non vide.";
                                reader.Skip();
                                continue;
                            }

                            if (scopes.Count >= 200) { errors["scopes"] = "La liste ne doit pas dépasser 200 scopes."; continue; }
                            scopes.Add(scope);
                        }

                        request.Scopes = scopes;
                        break;
                    case "cost":
                        if (reader.TokenType == JsonTokenType.Null) break;
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var cost) || cost < 0 || cost > GatewayEndpoints.MaxCost)
                        {
                            errors["cost"] = $"Le coût doit être un entier de 0 à {GatewayEndpoints.MaxCost}.";
                            break;
                        }

                        request.Cost = cost;
                        break;
                    case "clientIp":
                        if (reader.TokenType == JsonTokenType.Null) break;
                        if (reader.TokenType != JsonTokenType.String || !ClientAddress.TryParse(reader.GetString(), out var address))
                        {
                            errors["clientIp"] = "L'adresse du client doit être une adresse IPv4 ou IPv6 (par exemple 203.0.113.7).";
                            reader.Skip();
                            break;
                        }

                        request.ClientIp = address;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return Invalid("body", "Le corps doit être un seul objet JSON.");
            }
        }
        catch (JsonException)
        {
            return Invalid("body", "Le corps n'est pas un JSON valide.");
        }
        catch (InvalidOperationException)
        {
            // GetString on an escaped lone surrogate ("\ud800"): valid JSON, but no string.
            return Invalid("body", "Le corps contient une chaîne invalide : un demi-caractère UTF-16 isolé (comme \\ud800).");
        }

        if (!keySeen) errors["key"] = "La clé est obligatoire.";
        if (errors.Count > 0) request.Errors = errors;
        return request;
    }

    private static VerifyRequest Invalid(string field, string message) => new() { Errors = new(StringComparer.Ordinal) { [field] = message } };
}
