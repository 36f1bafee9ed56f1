"""The carbon-trading training simulator (碳排放权交易模拟实训): scenarios, the registry's
ledger, the exchange with the national and Hubei trading modes, the live floor and the
instructor console."""
