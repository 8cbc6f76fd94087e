package vn.dondoc.unit;

/** The kinds of unit a Party committee hands directives to. */
public enum UnitKind {

	THUONG_TRUC("Thường trực cấp ủy"),
	BAN_THUONG_VU("Ban Thường vụ"),
	VAN_PHONG("Văn phòng"),
	BAN("Ban của cấp ủy"),
	UY_BAN_KIEM_TRA("Ủy ban Kiểm tra"),
	BAN_CAN_SU_DANG("Ban cán sự đảng"),
	DANG_DOAN("Đảng đoàn"),
	TO_CHUC_CT_XH("Tổ chức chính trị - xã hội"),
	QUAN_UY("Quận ủy"),
	HUYEN_UY("Huyện ủy"),
	DANG_UY_TRUC_THUOC("Đảng ủy trực thuộc"),
	UY_VIEN("Ủy viên cấp ủy");

	private final String label;

	UnitKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
