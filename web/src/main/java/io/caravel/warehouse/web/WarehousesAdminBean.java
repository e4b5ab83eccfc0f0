package io.caravel.warehouse.web;

import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.warehouse.Warehouses;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** Administration → Overseas warehouses: every warehouse with its staff, a new one, deactivation and reactivation. */
@Named
@ViewScoped
public class WarehousesAdminBean implements Serializable {

    @Inject
    private transient Warehouses warehouses;

    @Inject
    private Caller caller;

    private String code;
    private String name;
    private String country;
    private String address;
    private String staff;
    private transient List<Warehouses.View> list;

    public List<Warehouses.View> getList() {
        if (list == null) {
            list = warehouses.list(caller);
        }
        return list;
    }

    public void create() {
        try {
            warehouses.create(caller, new Warehouses.Request(code, name, country, address, true, split(staff)));
            code = null;
            name = null;
            address = null;
            staff = null;
            list = null;
            FacesMessages.info("warehouseAdmin.created");
        } catch (CaravelException e) {
            FacesMessages.error(e, "warehouse-form:");
        }
    }

    public void activate(Warehouses.View w, boolean active) {
        try {
            warehouses.update(caller, w.id(), w.version(),
                    new Warehouses.Request(w.code(), w.name(), w.country(), w.address(), active, null));
            list = null;
            FacesMessages.info(active ? "warehouseAdmin.reopened" : "warehouseAdmin.closed-done");
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public String join(List<String> names) {
        return String.join(", ", names);
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getStaff() { return staff; }
    public void setStaff(String staff) { this.staff = staff; }
}
