"""Word lists for the demo warehouse: realistic enough that screens look like a real day."""

from __future__ import annotations

# (state, population in millions (2020 census, rounded), [(city, ZIP)...])
STATES: list[tuple[str, float, list[tuple[str, str]]]] = [
    ("CA", 39.5, [("Los Angeles", "90012"), ("San Diego", "92101"), ("San Jose", "95113"),
                  ("San Francisco", "94103"), ("Fresno", "93721"), ("Irvine", "92618")]),
    ("TX", 29.1, [("Houston", "77002"), ("Dallas", "75201"), ("Austin", "78701"),
                  ("San Antonio", "78205"), ("Plano", "75024")]),
    ("FL", 21.5, [("Miami", "33130"), ("Orlando", "32801"), ("Tampa", "33602"),
                  ("Jacksonville", "32202")]),
    ("NY", 20.2, [("New York", "10001"), ("Brooklyn", "11201"), ("Buffalo", "14202"),
                  ("Flushing", "11354")]),
    ("PA", 13.0, [("Philadelphia", "19103"), ("Pittsburgh", "15222")]),
    ("IL", 12.8, [("Chicago", "60601"), ("Naperville", "60540")]),
    ("OH", 11.8, [("Columbus", "43215"), ("Cleveland", "44113")]),
    ("GA", 10.7, [("Atlanta", "30303"), ("Savannah", "31401")]),
    ("NC", 10.4, [("Charlotte", "28202"), ("Raleigh", "27601")]),
    ("MI", 10.1, [("Detroit", "48226"), ("Ann Arbor", "48104")]),
    ("NJ", 9.3, [("Newark", "07102"), ("Jersey City", "07302"), ("Edison", "08817")]),
    ("VA", 8.6, [("Virginia Beach", "23451"), ("Richmond", "23219")]),
    ("WA", 7.7, [("Seattle", "98101"), ("Bellevue", "98004"), ("Spokane", "99201")]),
    ("AZ", 7.2, [("Phoenix", "85004"), ("Tucson", "85701")]),
    ("MA", 7.0, [("Boston", "02108"), ("Cambridge", "02139")]),
    ("TN", 6.9, [("Nashville", "37203"), ("Memphis", "38103")]),
    ("IN", 6.8, [("Indianapolis", "46204")]),
    ("MD", 6.2, [("Baltimore", "21202")]),
    ("MO", 6.2, [("Kansas City", "64106"), ("St. Louis", "63101")]),
    ("WI", 5.9, [("Milwaukee", "53202")]),
    ("CO", 5.8, [("Denver", "80202"), ("Boulder", "80302")]),
    ("MN", 5.7, [("Minneapolis", "55401")]),
    ("SC", 5.1, [("Charleston", "29401")]),
    ("AL", 5.0, [("Birmingham", "35203")]),
    ("LA", 4.7, [("New Orleans", "70112")]),
    ("KY", 4.5, [("Louisville", "40202")]),
    ("OR", 4.2, [("Portland", "97204"), ("Eugene", "97401")]),
    ("OK", 4.0, [("Oklahoma City", "73102")]),
    ("CT", 3.6, [("Hartford", "06103")]),
    ("UT", 3.3, [("Salt Lake City", "84101")]),
    ("IA", 3.2, [("Des Moines", "50309")]),
    ("NV", 3.1, [("Las Vegas", "89101"), ("Reno", "89501")]),
    ("AR", 3.0, [("Little Rock", "72201")]),
    ("MS", 3.0, [("Jackson", "39201")]),
    ("KS", 2.9, [("Wichita", "67202")]),
    ("NM", 2.1, [("Albuquerque", "87102")]),
    ("NE", 2.0, [("Omaha", "68102")]),
    ("ID", 1.8, [("Boise", "83702")]),
    ("WV", 1.8, [("Charleston", "25301")]),
    ("HI", 1.5, [("Honolulu", "96813")]),
    ("NH", 1.4, [("Manchester", "03101")]),
    ("ME", 1.4, [("Portland", "04101")]),
    ("RI", 1.1, [("Providence", "02903")]),
    ("MT", 1.1, [("Billings", "59101")]),
    ("DE", 1.0, [("Wilmington", "19801")]),
    ("SD", 0.9, [("Sioux Falls", "57104")]),
    ("ND", 0.8, [("Fargo", "58102")]),
    ("AK", 0.7, [("Anchorage", "99501")]),
    ("DC", 0.7, [("Washington", "20001")]),
    ("VT", 0.6, [("Burlington", "05401")]),
    ("WY", 0.6, [("Cheyenne", "82001")]),
]

FIRST_NAMES = [
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
    "Sarah", "Daniel", "Karen", "Maria", "Jose", "Wei", "Li", "Mei", "Hiroshi", "Priya",
    "Aisha", "Carlos", "Sofia", "Emily", "Kevin", "Ashley", "Brian", "Nicole", "Jason",
    "Olivia", "Ethan", "Chloe", "Noah",
]
LAST_NAMES = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
    "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
    "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Nguyen", "Chen", "Wang",
    "Zhang", "Liu", "Kim", "Patel", "Thompson", "White", "Harris", "Clark", "Lewis",
    "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres",
]
STREETS = [
    "Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park",
    "Sunset", "Lincoln", "Highland", "Jefferson", "Madison", "Ridge", "Walnut", "Spring",
    "Church", "Willow", "Mill", "River", "Meadow", "Forest",
]
STREET_TYPES = ["St", "Ave", "Rd", "Blvd", "Dr", "Ln", "Ct", "Way", "Pl"]
UNITS = ["Apt 2B", "Apt 101", "Unit 5", "Suite 300", "#12", "Apt 4F"]
COMPANIES = ["Acme Corp", "Blue Sky LLC", "Northwind Traders", "Sunrise Dental", "Pixel Studio"]

# (client code, name, contact email, SKU prefix, [(English, 中文, weight g, (l, w, h) mm)...])
CLIENTS: list[tuple[str, str, str, str, list[tuple[str, str, int, tuple[int, int, int]]]]] = [
    ("SZTECH", "Shenzhen Brightway Technology Co., Ltd.", "ops@brightway-sz.example", "BW", [
        ("USB-C Charging Cable 1m", "USB-C 充电线 1米", 45, (120, 80, 20)),
        ("Wireless Earbuds", "无线蓝牙耳机", 120, (90, 70, 40)),
        ("Phone Stand Aluminium", "铝合金手机支架", 180, (150, 90, 30)),
        ("65W GaN Wall Charger", "65W 氮化镓充电器", 130, (80, 60, 40)),
        ("Magnetic Power Bank 10000mAh", "磁吸充电宝 10000毫安", 230, (110, 70, 20)),
        ("LED Desk Lamp", "LED 护眼台灯", 850, (400, 150, 100)),
        ("Smart Plug 2-Pack", "智能插座 两只装", 260, (130, 110, 70)),
        ("Webcam 1080p", "1080p 高清摄像头", 210, (120, 90, 70)),
        ("Mechanical Keyboard", "机械键盘", 980, (450, 160, 50)),
        ("Wireless Mouse", "无线鼠标", 95, (120, 80, 45)),
    ]),
    ("YWHOME", "Yiwu Happy Home Goods Trading Co.", "export@happyhome-yw.example", "HH", [
        ("Silicone Baking Mat", "硅胶烘焙垫", 160, (330, 60, 60)),
        ("Stainless Steel Water Bottle 750ml", "不锈钢保温杯 750毫升", 340, (280, 80, 80)),
        ("Bamboo Cutting Board", "竹制砧板", 900, (380, 250, 20)),
        ("Storage Basket Set", "收纳篮三件套", 700, (300, 220, 150)),
        ("Shower Curtain", "防水浴帘", 520, (250, 200, 40)),
        ("Fairy String Lights 10m", "LED 装饰灯串 10米", 210, (150, 120, 50)),
        ("Kitchen Scale", "厨房电子秤", 480, (230, 170, 40)),
        ("Vacuum Storage Bags 6-Pack", "真空压缩袋 六只装", 620, (300, 250, 50)),
        ("Ceramic Coffee Mug", "陶瓷咖啡杯", 380, (130, 100, 100)),
        ("Door Draft Stopper", "门底防风条", 300, (900, 80, 40)),
    ]),
    ("GZBEAUTY", "Guangzhou Lumiere Cosmetics Ltd.", "service@lumiere-gz.example", "LM", [
        ("Hair Claw Clips 4-Pack", "鲨鱼夹 四只装", 90, (120, 100, 50)),
        ("Makeup Brush Set", "化妆刷套装", 260, (200, 100, 50)),
        ("Silk Pillowcase", "真丝枕套", 150, (250, 200, 20)),
        ("Facial Roller Jade", "玉石美容滚轮", 170, (160, 70, 40)),
        ("Nail Art Kit", "美甲套装", 320, (220, 160, 50)),
        ("Heatless Curling Rod", "无热卷发棒", 110, (300, 100, 40)),
        ("Travel Toiletry Bag", "旅行洗漱包", 240, (250, 160, 90)),
        ("Lash Curler", "睫毛夹", 60, (130, 60, 30)),
        ("Scalp Massager", "头皮按摩器", 75, (90, 90, 80)),
        ("Compact Mirror LED", "LED 化妆镜", 140, (90, 90, 20)),
    ]),
]

VARIANTS_EN = ["Black", "White", "Grey", "Blue", "Pink", "Green", "Red", "Beige", "Navy", "Gold"]
VARIANTS_ZH = ["黑色", "白色", "灰色", "蓝色", "粉色", "绿色", "红色", "米色", "藏青色", "金色"]

SERVICE_LEVELS = [("standard", 70), ("ground", 15), ("expedited", 10), ("priority", 5)]
