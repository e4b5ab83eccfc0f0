package io.caravel.shipping;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/** A SIMULATOR of a carrier for demos and tests: books every parcel at once with a made-up waybill "SIM…" (no parcel moves). */
@ApplicationScoped
public class SimulatedCarrier implements Carrier {

    private final SecureRandom random = new SecureRandom();

    @Override
    public String code() {
        return "SIMULATOR";
    }

    @Override
    public String book(Parcel parcel) {
        return "SIM" + String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
    }
}
