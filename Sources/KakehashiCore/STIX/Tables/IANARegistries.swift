/// IANA registries that STIX properties must draw from.
enum IANARegistries {}
